// Sprig's encoding, hashing, random, semver and crypto functions; each family lives in its
// own funcs_sprig_*.cpp file and is assembled here.
#include "template/funcs_sprig_encoding.h"

#include "template/funcs_sprig_semver.h"

namespace sparkc::gotmpl {

void register_sprig_encoding(FunctionRegistry& r) {
  semver::register_sprig_semver(r);
  register_sprig_hash(r);
  register_sprig_random(r);
  register_sprig_crypto(r);
  register_sprig_certs(r);
}

}  // namespace sparkc::gotmpl
