// The families that register_sprig_encoding assembles, one file each.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_sprig_hash(FunctionRegistry& r);    // b64/b32 enc/dec, sha1sum, sha256sum, adler32sum
void register_sprig_random(FunctionRegistry& r);  // rand*, shuffle, uuidv4
void register_sprig_crypto(FunctionRegistry& r);  // bcrypt, htpasswd, derivePassword, AES
void register_sprig_certs(FunctionRegistry& r);   // genPrivateKey, genCA..., buildCustomCert

// Base64 with the standard alphabet and padding (Go's base64.StdEncoding.EncodeToString).
std::string base64_encode(std::string_view raw);
// Go's base64.StdEncoding.DecodeString: CR and LF are skipped; throws FuncError
// "illegal base64 data at input byte N" at the byte Go reports.
std::string base64_decode(std::string_view text);

}  // namespace sparkc::gotmpl
