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

// Where to cut `text` so that no piece holds a run of more than 30
// non-starters (combining marks): the end of each piece. ICU reorders a run
// of marks in time quadratic in its length; no language needs more than 30
// in a row (UAX #15's stream-safe text format), and a run is only cut in
// text made to be hostile. One piece, the whole text, otherwise.
std::vector<int32_t> StreamSafeCuts(absl::string_view text) {
  std::vector<int32_t> cuts;
  const int32_t size = static_cast<int32_t>(text.size());
  int run = 0;
  for (int32_t i = 0; i < size;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      run = 0;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(text.data(), i, size, c);
    run = c >= 0 && u_getCombiningClass(c) != 0 ? run + 1 : 0;
    if (run == 30) {
      cuts.push_back(i);
      run = 0;
    }
  }
  cuts.push_back(size);
  return cuts;
}

}  // namespace

NormalizedText NormalizedText::Make(absl::string_view original, bool fold) {
  NormalizedText n;
  n.original_ = original;
  if (!HasNonAscii(original)) return n;
  const std::vector<int32_t> cuts = StreamSafeCuts(original);
  auto piece_at = [&](size_t k) {
    const int32_t from = k == 0 ? 0 : cuts[k - 1];
    return icu::StringPiece(original.data() + from, cuts[k] - from);
  };
  UErrorCode status = U_ZERO_ERROR;
  bool nfc = true;
  for (size_t k = 0; k < cuts.size() && nfc; ++k) {
    nfc = Nfc()->isNormalizedUTF8(piece_at(k), status) && U_SUCCESS(status);
  }
  if (nfc && !fold) return n;

  // NFC, with ICU's record of which original bytes became which. Text
  // that is NFC already is used as it is: each byte is its own source.
  absl::string_view composed = original;
  std::string normalized;
  std::vector<uint32_t> begin, end;  // per byte of `normalized`, when made
  if (!nfc) {
    for (size_t k = 0; k < cuts.size(); ++k) {
      const uint32_t from = k == 0 ? 0 : cuts[k - 1];
      const size_t first = normalized.size();
      icu::Edits edits;
      icu::StringByteSink<std::string> sink(&normalized);
      status = U_ZERO_ERROR;
      Nfc()->normalizeUTF8(0, piece_at(k), sink, &edits, status);
      if (U_FAILURE(status)) return n;  // invalid input: match it as it is
      begin.resize(normalized.size());
      end.resize(normalized.size());
      icu::Edits::Iterator it = edits.getFineIterator();
      while (it.next(status)) {
        for (int32_t j = 0; j < it.newLength(); ++j) {
          const size_t d = first + it.destinationIndex() + j;
          const uint32_t source = from + it.sourceIndex();
          if (it.hasChange()) {
            begin[d] = source;
            end[d] = source + it.oldLength();
          } else {
            begin[d] = source + j;
            end[d] = source + j + 1;
          }
        }
      }
    }
    composed = normalized;
  }
  n.identity_ = false;
  if (!fold) {  // (not NFC, or it would have returned above)
    n.normalized_ = std::move(normalized);
    n.begin_ = std::move(begin);
    n.end_ = std::move(end);
    return n;
  }

  // Fold: one base letter per character, combining marks dropped (their
  // bytes join the span of the letter before them).
  const auto begin_of = [&](int32_t i) -> uint32_t { return nfc ? i : begin[i]; };
  const auto end_of = [&](int32_t i) -> uint32_t { return nfc ? i + 1 : end[i]; };
  n.normalized_.reserve(composed.size());
  n.begin_.reserve(composed.size());
  n.end_.reserve(composed.size());
  for (int32_t i = 0, size = static_cast<int32_t>(composed.size()); i < size;) {
    if (static_cast<unsigned char>(composed[i]) < 0x80) {  // most of the text
      n.normalized_.push_back(composed[i]);
      n.begin_.push_back(begin_of(i));
      n.end_.push_back(end_of(i));
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(composed.data(), i, size, c);
    const UChar32 base = c < 0 ? c : BaseOf(c);
    if (base == -1) {
      if (!n.end_.empty()) n.end_.back() = std::max(n.end_.back(), end_of(i - 1));
      continue;
    }
    const size_t before = n.normalized_.size();
    if (c < 0) {
      n.normalized_.append(composed.data() + start, i - start);
    } else {
      AppendUtf8(base, &n.normalized_);
    }
    for (size_t k = before; k < n.normalized_.size(); ++k) {
      n.begin_.push_back(begin_of(start));
      n.end_.push_back(end_of(i - 1));
    }
  }
  return n;
}

std::string FoldDiacritics(absl::string_view text) {
  NormalizedText n = NormalizedText::Make(text, /*fold_diacritics=*/true);
  return std::string(n.text());
}

}  // namespace refrain
