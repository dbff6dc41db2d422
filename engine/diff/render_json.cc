// The JSON report of render.h: the Report message as JSON.
#include <string>

#include "engine/diff/render_internal.h"
#include "google/protobuf/util/json_util.h"

namespace refrain {
namespace render_internal {

std::string RenderJson(const Report& report) {
  google::protobuf::util::JsonPrintOptions json;
  json.add_whitespace = true;
  json.preserve_proto_field_names = true;
  json.always_print_primitive_fields = true;
  std::string out;
  google::protobuf::util::MessageToJsonString(report, &out, json);
  return out;
}

}  // namespace render_internal
}  // namespace refrain
