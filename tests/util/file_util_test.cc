#include "engine/util/file_util.h"

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string TempDir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

void Write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The lines ReadLineUpTo finds in `text`, with "<long>" for one too long.
std::vector<std::string> Lines(const std::string& text, size_t max_bytes) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  std::string line;
  for (LineRead r; (r = ReadLineUpTo(in, max_bytes, &line)) != LineRead::kEnd;) {
    lines.push_back(r == LineRead::kTooLong ? "<long>" : line);
  }
  return lines;
}

TEST(ReadLineUpTo, SplitsLinesLikeGetline) {
  EXPECT_THAT(Lines("a\n\nbc\nlast", 10), ::testing::ElementsAre("a", "", "bc", "last"));
  EXPECT_THAT(Lines("a\n", 10), ::testing::ElementsAre("a"));
  EXPECT_THAT(Lines("", 10), ::testing::IsEmpty());
}

TEST(ReadLineUpTo, DropsLinesOverTheLimitAndGoesOn) {
  const std::string huge(200000, 'x');  // several of its 64 KiB chunks
  EXPECT_THAT(Lines("ok\n" + huge + "\n12345\n123456\n" + huge, 5),
              ::testing::ElementsAre("ok", "<long>", "12345", "<long>", "<long>"));
  EXPECT_THAT(Lines(huge + "\nend", huge.size()), ::testing::ElementsAre(huge, "end"));
}

TEST(LineLimitedBuffer, EndsTheStreamInsideALineOverTheLimit) {
  std::istringstream source("12345\n" + std::string(100000, 'x') + "\nnever read\n");
  LineLimitedBuffer limited(source.rdbuf(), 5);
  std::istream in(&limited);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "12345");
  EXPECT_TRUE(limited.status("f").ok());
  std::getline(in, line);
  EXPECT_EQ(line, "xxxxx");  // what there was before the limit; no more
  EXPECT_FALSE(std::getline(in, line));
  EXPECT_EQ(limited.status("f").message(), "f:2: line exceeds the limit of 5 bytes");
}

TEST(ReadFileUpTo, StopsAtTheLimit) {
  const std::string dir = TempDir("read");
  Write(dir + "/f", "12345");
  EXPECT_EQ(*ReadFileUpTo(dir + "/f", 5, "article", ""), "12345");
  absl::StatusOr<std::string> big = ReadFileUpTo(dir + "/f", 4, "article", "--max");
  EXPECT_TRUE(absl::IsOutOfRange(big.status()));
  EXPECT_EQ(big.status().message(),
            dir + "/f: article of 5 bytes exceeds the limit of 4 bytes (--max)");
  EXPECT_EQ(ReadFileUpTo("/dev/zero", 4, "article", "").status().message(),
            "/dev/zero: not a regular file (a character device)");
  EXPECT_TRUE(absl::IsNotFound(ReadFileUpTo(dir + "/none", 4, "article", "").status()));
}

TEST(ListFiles, ReportsWhatItCannotReadByPathAndGoesOn) {
  const std::string dir = TempDir("walk");
  fs::create_directories(dir + "/a/b");
  Write(dir + "/a/b/1.txt", "x");
  Write(dir + "/.hidden", "x");
  fs::create_symlink("loop", dir + "/loop");
  std::vector<std::string> files;
  std::vector<absl::Status> errors;
  ListFiles(dir, /*skip_hidden=*/true, &files, &errors);
  EXPECT_THAT(files, ::testing::ElementsAre(dir + "/a/b/1.txt"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message(), dir + "/loop: cannot read: Too many levels of symbolic links");
}

TEST(OutputFile, ReplacesTheOldFileOnlyOnCommit) {
  const std::string dir = TempDir("out");
  const std::string path = dir + "/out.txt";
  Write(path, "old");
  {
    absl::StatusOr<std::unique_ptr<OutputFile>> file = OutputFile::Create(path, {});
    ASSERT_TRUE(file.ok()) << file.status();
    (*file)->stream() << "partial";
    EXPECT_EQ(Read(path), "old");
  }  // a run that fails before Commit
  EXPECT_EQ(Read(path), "old");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);

  absl::StatusOr<std::unique_ptr<OutputFile>> file = OutputFile::Create(path, {});
  ASSERT_TRUE(file.ok()) << file.status();
  (*file)->stream() << "new";
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_EQ(Read(path), "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(OutputFile, ReplacesTheFileASymbolicLinkNamesNotTheLink) {
  const std::string dir = TempDir("link");
  Write(dir + "/real", "old");
  fs::create_symlink("real", dir + "/link");
  absl::StatusOr<std::unique_ptr<OutputFile>> file = OutputFile::Create(dir + "/link", {});
  ASSERT_TRUE(file.ok()) << file.status();
  (*file)->stream() << "new";
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_TRUE(fs::is_symlink(dir + "/link"));
  EXPECT_EQ(Read(dir + "/real"), "new");
}

TEST(OutputFile, RefusesAnInputThroughLinksAndInsideAnInputDirectory) {
  const std::string dir = TempDir("same");
  Write(dir + "/in", "data");
  fs::create_symlink("in", dir + "/symlink");
  fs::create_hard_link(dir + "/in", dir + "/hardlink");
  for (const char* name : {"/in", "/symlink", "/hardlink"}) {
    absl::StatusOr<std::unique_ptr<OutputFile>> file =
        OutputFile::Create(dir + name, {"-", dir + "/in"});
    EXPECT_TRUE(absl::IsFailedPrecondition(file.status())) << name;
    EXPECT_THAT(file.status().message(), HasSubstr("is the input " + dir + "/in"));
  }
  EXPECT_THAT(OutputFile::Create(dir + "/new", {dir}).status().message(),
              HasSubstr("lies inside the input directory " + dir));
  EXPECT_EQ(Read(dir + "/in"), "data");
}

TEST(OutputFile, WritesDevicesDirectly) {
  absl::StatusOr<std::unique_ptr<OutputFile>> file = OutputFile::Create("/dev/full", {});
  ASSERT_TRUE(file.ok()) << file.status();
  (*file)->stream() << std::string(1 << 16, 'x');
  EXPECT_EQ((*file)->Commit().message(), "cannot write /dev/full: No space left on device");
}

TEST(WriteStatus, OkWhileGoodDataLossAfterAFailedWrite) {
  std::ostringstream good;
  good << "text";
  EXPECT_TRUE(WriteStatus(good).ok());
  std::ostringstream failed;
  failed.setstate(std::ios::badbit);
  errno = 0;
  const absl::Status status = WriteStatus(failed);
  EXPECT_TRUE(absl::IsDataLoss(status)) << status;
  EXPECT_EQ(status.message(), "cannot write output: stream error");
}

}  // namespace
}  // namespace refrain
