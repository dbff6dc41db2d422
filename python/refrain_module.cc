// Python bindings of the embedding API (engine/engine.h), built by Bazel
// as the extension module `_refrain` for Debian's /usr/bin/python3.
//
//   import _refrain
//   engine = _refrain.Engine(["rules/"])
//   engine.scan("China is Vietnam's largest trading partner.", source="Lotus Wire")
//   # [{'claim_id': 'largest_trading_partner', 'begin': 0, 'end': 42, ...}]
//
// Rule errors raise ValueError whose message lists every diagnostic as
// file:line:col. Scanning releases the GIL, so threads scan in parallel.
#include <stdexcept>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "engine/engine.h"
#include "pybind11/pybind11.h"
#include "pybind11/stl.h"

namespace py = pybind11;

namespace {

// A Mention as a dict of all its fields, read by reflection so that a field
// added to proto/claim.proto appears without a change here: scalars as
// ints and strings, `slots` (a map) as a dict.
py::dict ToDict(const refrain::Mention& m) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Descriptor* descriptor = m.GetDescriptor();
  const google::protobuf::Reflection* reflection = m.GetReflection();
  py::dict d;
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    const py::str name(field->name());
    if (field->is_map()) {
      // map<string, string>: entries are messages with fields 1 and 2.
      py::dict map;
      for (int e = 0; e < reflection->FieldSize(m, field); ++e) {
        const google::protobuf::Message& entry = reflection->GetRepeatedMessage(m, field, e);
        const google::protobuf::Reflection* r = entry.GetReflection();
        const google::protobuf::Descriptor* entry_type = entry.GetDescriptor();
        map[py::str(r->GetString(entry, entry_type->field(0)))] =
            r->GetString(entry, entry_type->field(1));
      }
      d[name] = map;
      continue;
    }
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      d[name] = reflection->GetString(m, field);
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_UINT32) {
      d[name] = reflection->GetUInt32(m, field);
    } else {
      // A new kind of field in proto/claim.proto: convert it here.
      throw std::logic_error("Mention field " + field->name() +
                             " has a type ToDict does not convert");
    }
  }
  return d;
}

class PyEngine {
 public:
  PyEngine(const std::vector<std::string>& rules, bool fold_diacritics) {
    refrain::EngineOptions options;
    options.compile.fold_diacritics = fold_diacritics;
    std::vector<refrain::Diagnostic> diagnostics;
    auto engine = refrain::Engine::FromFiles(rules, options, &diagnostics);
    if (!engine.ok()) {
      std::vector<std::string> lines;
      for (const refrain::Diagnostic& d : diagnostics) lines.push_back(d.ToString());
      lines.push_back(std::string(engine.status().message()));
      throw py::value_error(absl::StrJoin(lines, "\n"));
    }
    engine_ = std::move(*engine);
  }

  py::list Scan(const std::string& text, const std::string& id, const std::string& source,
                const std::string& date) const {
    refrain::Document doc;
    doc.set_id(id);
    doc.set_source(source);
    doc.set_date(date);
    doc.set_text(text);
    std::vector<refrain::Mention> mentions;
    {
      py::gil_scoped_release release;
      mentions = engine_->Scan(doc);
    }
    py::list out;
    for (const refrain::Mention& m : mentions) out.append(ToDict(m));
    return out;
  }

  std::vector<std::string> ClaimIds() const {
    std::vector<std::string> ids;
    for (const auto& rule_set : engine_->rules().rule_sets()) {
      for (const auto& claim : rule_set->claims()) ids.push_back(claim.id());
    }
    return ids;
  }

 private:
  std::unique_ptr<refrain::Engine> engine_;
};

}  // namespace

PYBIND11_MODULE(_refrain, m) {
  m.doc() = "refrain: find recurring claims in news articles";
  py::class_<PyEngine>(m, "Engine")
      .def(py::init<const std::vector<std::string>&, bool>(), py::arg("rules"),
           py::arg("fold_diacritics") = false,
           "Compiles rule files or directories; ValueError lists every error.")
      .def("scan", &PyEngine::Scan, py::arg("text"), py::arg("id") = "",
           py::arg("source") = "", py::arg("date") = "",
           "The mentions of one article, as dicts with byte offsets into the "
           "UTF-8 text.")
      .def("claim_ids", &PyEngine::ClaimIds);
}
