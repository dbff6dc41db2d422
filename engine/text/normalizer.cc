#include "engine/text/normalizer.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "unicode/bytestream.h"
#include "unicode/edits.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace refrain {
namespace {

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* const kNfc = icu::Normalizer2::getNFCInstance(status);
  return kNfc;
}

const icu::Normalizer2* Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* const kNfd = icu::Normalizer2::getNFDInstance(status);
  return kNfd;
}

// The base letter of `c` without diacritics, or -1 when `c` is itself a
// combining mark (to be dropped). Letters with a stroke, which Unicode does
// not decompose, are mapped by hand.
UChar32 BaseOf(UChar32 c) {
  if (c < 0x80) return c;
  if (u_charType(c) == U_NON_SPACING_MARK) return -1;
  switch (c) {
    case 0x0110: return 'D';  // Đ
    case 0x0111: return 'd';  // đ
    case 0x0141: return 'L';  // Ł
    case 0x0142: return 'l';  // ł
    case 0x00D8: return 'O';  // Ø
    case 0x00F8: return 'o';  // ø
  }
  icu::UnicodeString decomposition;
  if (Nfd()->getDecomposition(c, decomposition) && decomposition.length() > 0) {
    return decomposition.char32At(0);
  }
  return c;
}

// Whether `text` has any non-ASCII byte: eight bytes at a time, since most
// news text is ASCII and ASCII is already NFC and free of diacritics.
bool HasNonAscii(absl::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  for (; end - p >= 8; p += 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    if (word & 0x8080808080808080ULL) return true;
  }
  for (; p < end; ++p) {
    if (static_cast<unsigned char>(*p) >= 0x80) return true;
  }
  return false;
}

// Appends the UTF-8 form of `c`.
void AppendUtf8(UChar32 c, std::string* out) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, c, error);
  (void)error;  // `c` came from U8_NEXT, so it is a valid code point
  out->append(buffer, length);
}

// Where to cut `text` into pieces that are normalised one at a time: the
// end of each piece. About every 64 KiB, where normalisation has a
// boundary, so that each piece normalises as it would in the whole text
// and the map of one piece is all the NFC step holds at once. Only text
// made to be hostile is cut elsewhere: after 128 KiB without a boundary,
// and in runs of combining marks (counted once a run without ASCII passes
// 64 bytes) after every 30th, since ICU reorders a run of marks in time
// quadratic in its length and no language needs more than 30 in a row
// (UAX #15's stream-safe text format). ASCII is skipped eight bytes at a
// time, and marks are only looked up in long runs without ASCII, so that
// news text costs little more than one pass.
std::vector<int32_t> Cuts(absl::string_view text) {
  constexpr int32_t kPieceBytes = 64 << 10;
  constexpr int32_t kLongRun = 64;
  std::vector<int32_t> cuts;
  const char* const data = text.data();
  const int32_t size = static_cast<int32_t>(text.size());
  int32_t last = 0;
  int32_t run = -1;  // where the current run without ASCII began
  int marks = 0;
  for (int32_t i = 0; i < size;) {
    if (static_cast<unsigned char>(data[i]) < 0x80) {
      uint64_t word;
      while (i + 8 <= size && (std::memcpy(&word, data + i, 8), !(word & 0x8080808080808080ULL))) {
        i += 8;
      }
      while (i < size && static_cast<unsigned char>(data[i]) < 0x80) ++i;
      // Before an ASCII character there is always a boundary.
      if (i - 1 - last >= kPieceBytes) cuts.push_back(last = i - 1);
      run = -1;
      marks = 0;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, size, c);
    if (run < 0) run = start;
    // At a boundary past 64 KiB; past 128 KiB without one (a run of
    // characters that compose with each other, such as U+0B3E after
    // U+0B47, has none), anywhere.
    if (start - last >= 2 * kPieceBytes ||
        (start - last >= kPieceBytes && c >= 0 && Nfc()->hasBoundaryBefore(c))) {
      cuts.push_back(last = start);
    }
    if (start - run < kLongRun) continue;
    marks = c >= 0 && u_getCombiningClass(c) != 0 ? marks + 1 : 0;
    if (marks == 30) {
      cuts.push_back(last = i);
      marks = 0;
    }
  }
  cuts.push_back(size);
  return cuts;
}

// Appends the NFC form of `piece`, which starts at byte `from` of the
// original, to `out`, and for each byte appended where its source begins
// to `begin`. False when ICU cannot normalise it.
bool Compose(absl::string_view piece, uint32_t from, std::string* out,
             std::vector<uint32_t>* begin) {
  const size_t first = out->size();
  icu::Edits edits;
  icu::StringByteSink<std::string> sink(out);
  UErrorCode status = U_ZERO_ERROR;
  Nfc()->normalizeUTF8(0, icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())),
                       sink, &edits, status);
  if (U_FAILURE(status)) return false;
  begin->resize(out->size());
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    for (int32_t j = 0; j < it.newLength(); ++j) {
      (*begin)[first + it.destinationIndex() + j] =
          from + it.sourceIndex() + (it.hasChange() ? 0 : j);
    }
  }
  return true;
}

// Appends `text` without diacritics to `out`: one base letter per
// character, combining marks dropped (their bytes join the span of the
// letter before them). `begin_of(i)` is where the source of byte `i` of
// `text` begins; each byte appended to `begin` is that of its character.
template <typename BeginOf>
void Fold(absl::string_view text, const BeginOf& begin_of, std::string* out,
          std::vector<uint32_t>* begin) {
  for (int32_t i = 0, size = static_cast<int32_t>(text.size()); i < size;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // most of the text
      out->push_back(text[i]);
      begin->push_back(begin_of(i));
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, size, c);
    const UChar32 base = c < 0 ? c : BaseOf(c);
    if (base == -1) continue;
    if (c < 0) {
      out->append(text.data() + start, i - start);
    } else {
      AppendUtf8(base, out);
    }
    begin->resize(out->size(), begin_of(start));
  }
}

// Where piece `k` of a text cut at `cuts` (see Cuts) begins.
int32_t PieceStart(const std::vector<int32_t>& cuts, size_t k) {
  return k == 0 ? 0 : cuts[k - 1];
}

// Piece `k` of `text`, cut at `cuts`.
absl::string_view Piece(absl::string_view text, const std::vector<int32_t>& cuts,
                        size_t k) {
  const int32_t from = PieceStart(cuts, k);
  return text.substr(from, cuts[k] - from);
}

// Whether every piece of `text`, cut at `cuts`, is NFC already.
bool AllPiecesNfc(absl::string_view text, const std::vector<int32_t>& cuts) {
  for (size_t k = 0; k < cuts.size(); ++k) {
    UErrorCode status = U_ZERO_ERROR;
    const absl::string_view piece = Piece(text, cuts, k);
    if (!Nfc()->isNormalizedUTF8(
            icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())), status) ||
        U_FAILURE(status)) {
      return false;
    }
  }
  return true;
}

// Appends the normalised form of `text`, cut at `cuts`, to `out`, and for
// each byte appended where its source begins to `begin`: piece by piece,
// NFC with ICU's record of which original bytes became which (text that is
// NFC already, `nfc`, is its own source), then folded when `fold`. False
// when ICU cannot normalise a piece.
bool NormalizePieces(absl::string_view text, const std::vector<int32_t>& cuts,
                     bool nfc, bool fold, std::string* out,
                     std::vector<uint32_t>* begin) {
  std::string composed;
  std::vector<uint32_t> composed_begin;
  for (size_t k = 0; k < cuts.size(); ++k) {
    const absl::string_view piece = Piece(text, cuts, k);
    const uint32_t from = PieceStart(cuts, k);
    if (nfc) {
      Fold(piece, [from](int32_t i) -> uint32_t { return from + i; }, out, begin);
      continue;
    }
    composed.clear();
    composed_begin.clear();
    if (!Compose(piece, from, fold ? &composed : out, fold ? &composed_begin : begin)) {
      return false;
    }
    if (fold) {
      Fold(composed, [&composed_begin](int32_t i) { return composed_begin[i]; }, out,
           begin);
    }
  }
  return true;
}

}  // namespace

NormalizedText NormalizedText::Make(absl::string_view original, bool fold) {
  NormalizedText n(original);
  if (!HasNonAscii(original)) return n;
  const std::vector<int32_t> cuts = Cuts(original);
  const bool nfc = AllPiecesNfc(original, cuts);
  if (nfc && !fold) return n;
  n.normalized_.reserve(original.size());
  n.begin_.reserve(original.size());
  if (!NormalizePieces(original, cuts, nfc, fold, &n.normalized_, &n.begin_)) {
    return NormalizedText{original};
  }
  n.identity_ = false;
  return n;
}

size_t NormalizedText::EndOfSource(size_t i) const {
  // `begin_` never decreases: the first later byte with a larger value.
  auto next = std::upper_bound(begin_.begin() + i, begin_.end(), begin_[i]);
  return next == begin_.end() ? original_.size() : *next;
}

std::string FoldDiacritics(absl::string_view text) {
  NormalizedText n = NormalizedText::Make(text, /*fold_diacritics=*/true);
  return std::string(n.text());
}

}  // namespace refrain
