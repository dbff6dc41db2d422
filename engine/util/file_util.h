// Reading and writing files that users name, defensively: an input must be
// something that ends (a regular file or a pipe, never /dev/zero) and is
// read with its limit enforced while reading; a directory walk reports each
// entry it cannot read by its own path and goes on; an output is written
// beside its destination and renamed into place, and never onto an input.
//
//   absl::StatusOr<std::string> text = ReadFileUpTo(path, 16 << 20, "rule file", "");
//
//   absl::StatusOr<std::unique_ptr<OutputFile>> out =
//       OutputFile::Create("report.html", {"mentions.jsonl"});
//   (*out)->stream() << report;
//   absl::Status status = (*out)->Commit();  // the old file stays on failure
#ifndef REFRAIN_ENGINE_UTIL_FILE_UTIL_H_
#define REFRAIN_ENGINE_UTIL_FILE_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace refrain {

// Returns OK when `path` can be read to an end: a regular file, a FIFO or
// /dev/null. Otherwise NotFound, PermissionDenied, or FailedPrecondition
// for anything else ("PATH: not a regular file (a character device)"): a
// device such as /dev/zero never ends, a socket cannot be opened. Directories are
// FailedPrecondition too; callers that walk them check for them first.
absl::Status CheckReadableFile(const std::string& path);

// Opens `path` for reading in binary mode, after CheckReadableFile (whose
// errors it returns); an open that fails says "cannot read PATH: reason".
absl::Status OpenForReading(const std::string& path, std::ifstream* file);

// OK while `out` is good; otherwise DataLoss "cannot write output: REASON"
// (errno's text, or "stream error" when the stream set none).
absl::Status WriteStatus(const std::ostream& out);

// Like CheckReadableFile for the open descriptor `fd` named `name` in
// messages (standard input): accepts a terminal and a socket too, but not
// another device.
absl::Status CheckReadableDescriptor(int fd, absl::string_view name);

// The whole content of `path` (checked with CheckReadableFile). Stops as
// soon as more than `max_bytes` have been read, or before reading when a
// regular file is larger, and returns OutOfRange: "PATH: WHAT of N bytes
// exceeds the limit of MAX bytes FLAG" (`flag` may be empty). Read errors
// are DataLoss.
absl::StatusOr<std::string> ReadFileUpTo(const std::string& path, size_t max_bytes,
                                         absl::string_view what, absl::string_view flag);

// What ReadLineUpTo found.
enum class LineRead { kLine, kTooLong, kEnd };

// Reads the next line of `in` (up to '\n' or the end, which is not kept)
// into `*line`. A line longer than `max_bytes` is not kept: the rest of it
// is read and dropped, `*line` is left empty, and the result is kTooLong,
// so memory never grows beyond `max_bytes`. Returns kEnd at the end of the
// stream or on a read error (see `in.bad()`).
LineRead ReadLineUpTo(std::istream& in, size_t max_bytes, std::string* line);

// A stream buffer that passes another through but ends the stream once a
// line grows past `max_line_bytes`, for readers that use std::getline
// (which would otherwise keep a line of any length). Check status() after
// each read.
//
//   LineLimitedBuffer limited(file.rdbuf(), 256 << 20);
//   std::istream in(&limited);
//   ... std::getline(in, line) ...
//   if (!limited.status(path).ok()) ...
class LineLimitedBuffer : public std::streambuf {
 public:
  LineLimitedBuffer(std::streambuf* source, size_t max_line_bytes)
      : source_(source), max_line_bytes_(max_line_bytes) {}

  // OutOfRange "NAME:LINE: line exceeds the limit of MAX bytes" once the
  // reader has read up to where a line passed the limit, else OK.
  absl::Status status(absl::string_view name) const;

 protected:
  int_type underflow() override;

 private:
  std::streambuf* const source_;
  const size_t max_line_bytes_;
  size_t line_bytes_ = 0;  // of the current line so far
  int64_t line_ = 1;
  bool exceeded_ = false;
  char buffer_[1 << 16];
};

// Lists the regular files under the directory `root`, recursively (not
// through symbolic links to directories), in no particular order. Entries
// starting with '.' are left out when `skip_hidden`. Each entry that cannot
// be listed or examined (an unreadable directory, a symbolic link loop, a
// dangling link) is appended to `errors` by its own path, and the walk goes
// on. Stat and directory reads only; no file is opened.
void ListFiles(const std::string& root, bool skip_hidden, std::vector<std::string>* files,
               std::vector<absl::Status>* errors);

// A file written as a whole or not at all: the content goes to a temporary
// file in the same directory, which Commit() renames onto `path` (onto the
// file it names, if it is a symbolic link); if the
// run fails first (or Commit() does), the old file is left as it was and
// the temporary file is removed. When `path` exists and is not a regular
// file (/dev/stdout, /dev/full, a FIFO) it is written directly.
// Not thread-safe.
class OutputFile {
 public:
  // Opens the temporary file for `path`. Returns FailedPrecondition, naming
  // both, when `path` is one of `inputs` (the same device and inode, so
  // also through symbolic and hard links) or lies inside an input that is
  // a directory (it would be read as input); "-" in `inputs` is ignored.
  // Otherwise errors say "cannot write PATH: reason".
  static absl::StatusOr<std::unique_ptr<OutputFile>> Create(
      const std::string& path, const std::vector<std::string>& inputs);

  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return stream_; }
  const std::string& path() const { return path_; }

  // Flushes, closes and renames the temporary file onto `path`. Returns
  // DataLoss ("cannot write PATH: reason") when a write failed.
  absl::Status Commit();

 private:
  OutputFile(std::string path, std::string temporary, std::string target)
      : path_(std::move(path)), temporary_(std::move(temporary)), target_(std::move(target)) {}

  const std::string path_;  // as given, for messages
  std::string temporary_;  // empty when writing `path_` directly, or once renamed
  const std::string target_;  // what `temporary_` is renamed onto: `path_`, or
                              // the file it links to
  std::ofstream stream_;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_UTIL_FILE_UTIL_H_
