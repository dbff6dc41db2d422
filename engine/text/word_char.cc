#include "engine/text/word_char.h"

#include "unicode/uchar.h"

namespace refrain {

bool IsWordCodePoint(uint32_t cp) {
  return cp == '_' || (U_GET_GC_MASK(static_cast<UChar32>(cp)) &
                       (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

}  // namespace refrain
