// Deterministic protobuf serialisation.
//
// Protobuf map fields iterate in an order that changes from run to run, so
// plain serialisation of a message with a map (Mention.slots, Example.slot)
// is not reproducible. Records and fingerprints use these instead.
#ifndef REFRAIN_ENGINE_UTIL_PROTO_UTIL_H_
#define REFRAIN_ENGINE_UTIL_PROTO_UTIL_H_

#include <string>

#include "google/protobuf/message.h"

namespace refrain {

// The binary wire form of `message`, with map entries sorted by key.
std::string SerializeDeterministic(const google::protobuf::MessageLite& message);

// The proto3 JSON form of `message` on one line: proto field names, fields
// with default values included, map entries sorted by key.
std::string ToJsonLine(const google::protobuf::Message& message);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_UTIL_PROTO_UTIL_H_
