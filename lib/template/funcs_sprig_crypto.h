// Building blocks of the crypto functions, exposed for tests.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sparkc::gotmpl {

// The "$2a$CC$<salt><hash>" bcrypt string for a password, a 16-byte raw salt and a cost.
std::string bcrypt_hash(std::string_view password, std::string_view salt, int cost);

// Blowfish's initial P-array and S-boxes: the first 1042 32-bit words of pi's fraction.
const std::array<std::uint32_t, 1042>& blowfish_pi_words();

// Sprig's derivePassword: the Master Password algorithm (scrypt, then HMAC-SHA256 over the
// site), or Sprig's message string for an unknown template.
std::string derive_password(std::uint32_t counter, std::string_view type, std::string_view password,
                            std::string_view user, std::string_view site);

}  // namespace sparkc::gotmpl
