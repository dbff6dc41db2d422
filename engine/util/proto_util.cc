#include "engine/util/proto_util.h"

#include <memory>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver_util.h"

namespace refrain {

namespace {
constexpr char kTypeUrlPrefix[] = "type.googleapis.com";
}  // namespace

std::string SerializeDeterministic(const google::protobuf::MessageLite& message) {
  // Sized once (a growing string would be copied at each doubling).
  std::string bytes(message.ByteSizeLong(), '\0');
  google::protobuf::io::ArrayOutputStream stream(bytes.data(), static_cast<int>(bytes.size()));
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  message.SerializeWithCachedSizes(&coded);
  return bytes;
}

std::string ToJsonLine(const google::protobuf::Message& message) {
  // Printing from the deterministic wire form keeps map entries sorted.
  static google::protobuf::util::TypeResolver* const kResolver =
      google::protobuf::util::NewTypeResolverForDescriptorPool(
          kTypeUrlPrefix, google::protobuf::DescriptorPool::generated_pool());
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string json;
  google::protobuf::util::BinaryToJsonString(
      kResolver,
      std::string(kTypeUrlPrefix) + "/" + message.GetDescriptor()->full_name(),
      SerializeDeterministic(message), &json, options);
  return json;
}

}  // namespace refrain
