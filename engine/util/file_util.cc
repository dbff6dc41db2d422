#include "engine/util/file_util.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace refrain {
namespace {

namespace fs = std::filesystem;

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

absl::Status CannotRead(absl::string_view path, int error) {
  std::string message = absl::StrCat(path, ": cannot read: ", std::strerror(error));
  if (error == ENOENT || error == ENOTDIR) return absl::NotFoundError(message);
  if (error == EACCES) return absl::PermissionDeniedError(message);
  return absl::FailedPreconditionError(message);
}

// Whether `st` is /dev/null, the device that reads as empty.
bool IsDevNull(const struct stat& st) {
  struct stat null;
  return S_ISCHR(st.st_mode) && stat("/dev/null", &null) == 0 && st.st_rdev == null.st_rdev;
}

absl::Status NotARegularFile(absl::string_view path, mode_t mode) {
  return absl::FailedPreconditionError(
      absl::StrCat(path, ": not a regular file (", KindOf(mode), ")"));
}

}  // namespace

absl::Status CheckReadableFile(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return CannotRead(path, errno);
  if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || IsDevNull(st)) return absl::OkStatus();
  return NotARegularFile(path, st.st_mode);
}

absl::Status WriteStatus(const std::ostream& out) {
  if (out.good()) return absl::OkStatus();
  return absl::DataLossError(
      absl::StrCat("cannot write output: ", errno != 0 ? std::strerror(errno) : "stream error"));
}

absl::Status OpenForReading(const std::string& path, std::ifstream* file) {
  if (absl::Status s = CheckReadableFile(path); !s.ok()) return s;
  file->open(path, std::ios::binary);
  return *file ? absl::OkStatus() : CannotRead(path, errno);
}

absl::Status CheckReadableDescriptor(int fd, absl::string_view name) {
  struct stat st;
  if (fstat(fd, &st) != 0) return CannotRead(name, errno);
  if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || isatty(fd) ||
      IsDevNull(st)) {
    return absl::OkStatus();
  }
  return NotARegularFile(name, st.st_mode);
}

absl::StatusOr<std::string> ReadFileUpTo(const std::string& path, size_t max_bytes,
                                         absl::string_view what, absl::string_view flag) {
  auto too_large = [&](absl::string_view size) {
    return absl::OutOfRangeError(absl::StrCat(path, ": ", what, " of ", size,
                                              " bytes exceeds the limit of ", max_bytes,
                                              " bytes", flag.empty() ? "" : " (", flag,
                                              flag.empty() ? "" : ")"));
  };
  if (absl::Status s = CheckReadableFile(path); !s.ok()) return s;
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return CannotRead(path, errno);
  struct stat st;
  std::string content;
  absl::Status status;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    if (static_cast<uintmax_t>(st.st_size) > max_bytes) {
      close(fd);
      return too_large(absl::StrCat(st.st_size));
    }
    content.reserve(static_cast<size_t>(st.st_size));
  }
  // The file may grow, or be a pipe: the limit holds while reading.
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      status = absl::DataLossError(absl::StrCat(path, ": read error: ", std::strerror(errno)));
      break;
    }
    if (n == 0) break;
    if (content.size() + static_cast<size_t>(n) > max_bytes) {
      status = too_large(absl::StrCat("more than ", max_bytes));
      break;
    }
    content.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  if (!status.ok()) return status;
  return content;
}

LineRead ReadLineUpTo(std::istream& in, size_t max_bytes, std::string* line) {
  line->clear();
  bool too_long = false, any = false;
  char chunk[1 << 16];
  while (true) {
    in.getline(chunk, sizeof chunk, '\n');
    size_t got = static_cast<size_t>(in.gcount());
    bool done = true;
    if (in.eof() || in.bad()) {
      // The last line, without '\n' (or nothing at all).
    } else if (in.fail()) {
      in.clear();  // the chunk is full; the line goes on
      done = false;
    } else {
      --got;  // the '\n'
      any = true;
    }
    any = any || got > 0;
    if (!too_long && line->size() + got > max_bytes) {
      too_long = true;
      std::string().swap(*line);
    }
    if (!too_long) line->append(chunk, got);
    if (done) break;
  }
  if (too_long) return LineRead::kTooLong;
  return any ? LineRead::kLine : LineRead::kEnd;
}

absl::Status LineLimitedBuffer::status(absl::string_view name) const {
  // The limit is found when a chunk is read ahead; it is the reader's
  // problem only once it has read up to the cut.
  if (!exceeded_ || gptr() < egptr()) return absl::OkStatus();
  return absl::OutOfRangeError(absl::StrCat(name, ":", line_, ": line exceeds the limit of ",
                                            max_line_bytes_, " bytes"));
}

LineLimitedBuffer::int_type LineLimitedBuffer::underflow() {
  if (exceeded_) return traits_type::eof();
  const std::streamsize got = source_->sgetn(buffer_, sizeof buffer_);
  if (got <= 0) return traits_type::eof();
  size_t n = static_cast<size_t>(got);
  for (size_t i = 0; i < n; ++i) {
    if (buffer_[i] == '\n') {
      line_bytes_ = 0;
      ++line_;
    } else if (++line_bytes_ > max_line_bytes_) {
      exceeded_ = true;  // the stream ends here, inside the line
      n = i;
      break;
    }
  }
  setg(buffer_, buffer_, buffer_ + n);
  return n == 0 ? traits_type::eof() : traits_type::to_int_type(buffer_[0]);
}

void ListFiles(const std::string& root, bool skip_hidden, std::vector<std::string>* files,
               std::vector<absl::Status>* errors) {
  std::error_code ec;
  fs::directory_iterator it(root, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (skip_hidden && !name.empty() && name[0] == '.') continue;
    std::error_code entry_ec;
    const fs::file_status status = it->status(entry_ec);  // follows links
    if (entry_ec) {
      errors->push_back(absl::FailedPreconditionError(
          absl::StrCat(path.string(), ": cannot read: ", entry_ec.message())));
    } else if (fs::is_directory(status)) {
      if (!it->is_symlink(entry_ec)) ListFiles(path.string(), skip_hidden, files, errors);
    } else if (fs::is_regular_file(status)) {
      files->push_back(path.string());
    }
  }
  if (ec) {
    errors->push_back(absl::PermissionDeniedError(
        absl::StrCat(root, ": cannot list directory: ", ec.message())));
  }
}

absl::StatusOr<std::unique_ptr<OutputFile>> OutputFile::Create(
    const std::string& path, const std::vector<std::string>& inputs) {
  struct stat out;
  const bool exists = stat(path.c_str(), &out) == 0;
  std::error_code ec;
  // Through a symbolic link, the file it names is replaced, not the link.
  const std::string target = exists && fs::is_symlink(path, ec) ? fs::canonical(path, ec).string()
                                                                : path;
  const fs::path parent = fs::weakly_canonical(fs::absolute(target, ec).parent_path(), ec);
  for (const std::string& input : inputs) {
    struct stat in;
    if (input == "-" || stat(input.c_str(), &in) != 0) continue;
    if (exists && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the output ", path, " is the input ", input, "; refusing to overwrite it"));
    }
    if (S_ISDIR(in.st_mode)) {
      std::error_code dir_ec;
      const std::string dir = fs::canonical(input, dir_ec).string();
      const std::string where = parent.string();
      if (!dir_ec && (where == dir || absl::StartsWith(where, dir == "/" ? dir : dir + "/"))) {
        return absl::FailedPreconditionError(
            absl::StrCat("the output ", path, " lies inside the input directory ", input,
                         ", where it would be read as input"));
      }
    }
  }
  std::unique_ptr<OutputFile> file;
  if (exists && !S_ISREG(out.st_mode)) {
    file.reset(new OutputFile(path, "", ""));
    file->stream_.open(path, std::ios::binary | std::ios::trunc);
  } else {
    // Hidden, so that a directory walk would pass it by.
    fs::path temporary = fs::path(target).parent_path() /
                         ("." + fs::path(target).filename().string() + ".tmp-XXXXXX");
    std::string name = temporary.string();
    const int fd = mkstemp(name.data());
    if (fd < 0) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot write ", path, ": ", std::strerror(errno)));
    }
    // mkstemp makes it private; give it the mode of the file it replaces,
    // or what a new file would get.
    mode_t mode = exists ? out.st_mode & 07777 : 0;
    if (!exists) {
      const mode_t mask = umask(0);
      umask(mask);
      mode = 0666 & ~mask;
    }
    fchmod(fd, mode);
    close(fd);
    file.reset(new OutputFile(path, name, target));
    file->stream_.open(name, std::ios::binary | std::ios::trunc);
  }
  if (!file->stream_) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot write ", path, ": ", std::strerror(errno)));
  }
  return file;
}

OutputFile::~OutputFile() {
  if (!temporary_.empty()) {
    stream_.close();
    std::remove(temporary_.c_str());
  }
}

absl::Status OutputFile::Commit() {
  stream_.flush();
  const bool written = stream_.good();
  const int error = errno;
  stream_.close();
  if (!written || stream_.fail()) {
    return absl::DataLossError(absl::StrCat("cannot write ", path_, ": ",
                                            std::strerror(written ? errno : error)));
  }
  if (temporary_.empty()) return absl::OkStatus();
  if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
    return absl::DataLossError(
        absl::StrCat("cannot write ", path_, ": ", std::strerror(errno)));
  }
  temporary_.clear();
  return absl::OkStatus();
}

}  // namespace refrain
