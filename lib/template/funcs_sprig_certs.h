// The certificate value Sprig's gen* functions return.
#pragma once

#include <string>

#include "sparkc/functions.h"

namespace sparkc::gotmpl {

// Sprig's unexported `certificate` struct: PEM texts of a certificate and its private key,
// reached in templates as .Cert and .Key.
class CertificateObject : public Object {
 public:
  CertificateObject(std::string cert, std::string key) : cert_(std::move(cert)), key_(std::move(key)) {}
  const std::string& cert() const { return cert_; }
  const std::string& key() const { return key_; }

  std::string go_type_name() const override { return "sprig.certificate"; }
  std::string kind_name() const override { return "struct"; }
  std::optional<Value> field(std::string_view name) const override;
  // %v of a struct: "{<Cert> <Key>}".
  std::string print() const override { return "{" + cert_ + " " + key_ + "}"; }
  // json.Marshal gives {"Cert": ..., "Key": ...}.
  Value to_data() const override;
  // A struct value: equal when both fields are.
  bool equals(const Object& other) const override;

 private:
  std::string cert_, key_;
};

}  // namespace sparkc::gotmpl
