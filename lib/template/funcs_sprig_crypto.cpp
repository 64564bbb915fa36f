// bcrypt, htpasswd, derivePassword, encryptAES, decryptAES.
//
// Sprig reports some failures as the result string (bcrypt, htpasswd, derivePassword) and
// others as errors (encryptAES, decryptAES); decryptAES even panics on malformed input, and
// the template engine turns Go's runtime panic text into the error, so those texts are kept.
#include "template/funcs_sprig_crypto.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <map>
#include <memory>
#include <vector>

#include "template/funcs_sprig_encoding.h"

namespace sparkc::gotmpl {

namespace {

using Args = std::span<const Value>;

std::string random_string(CallContext& ctx, size_t n) {
  std::string s(n, '\0');
  ctx.random_bytes(std::span(reinterpret_cast<unsigned char*>(s.data()), n));
  return s;
}

// Go's bcrypt.GenerateFromPassword(password, DefaultCost).
std::string bcrypt(CallContext& ctx, std::string_view password) {
  return bcrypt_hash(password, random_string(ctx, 16), 10);
}

// Master Password's templates: each character class letter picks from a fixed set.
const std::map<std::string, std::vector<std::string>, std::less<>>& password_templates() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> t = {
      {"maximum", {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"}},
      {"long",
       {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
        "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
        "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
        "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
        "CvccCvcvCvccno"}},
      {"medium", {"CvcnoCvc", "CvcCvcno"}},
      {"short", {"Cvcn"}},
      {"basic", {"aaanaaan", "aannaaan", "aaannaaa"}},
      {"pin", {"nnnn"}},
  };
  return t;
}

std::string_view template_characters(char c) {
  switch (c) {
    case 'V': return "AEIOU";
    case 'C': return "BCDFGHJKLMNPQRSTVWXYZ";
    case 'v': return "aeiou";
    case 'c': return "bcdfghjklmnpqrstvwxyz";
    case 'A': return "AEIOUBCDFGHJKLMNPQRSTVWXYZ";
    case 'a': return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
    case 'n': return "0123456789";
    case 'o': return "@&%?,=[]_:-+*$#!'^~;()/.";
    case 'x': return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()";
  }
  return "";
}

void append_u32_be(std::string& s, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>(v >> shift);
}

// encryptAES: AES-256-CBC, key = the password's bytes zero-padded (or cut) to 32, PKCS#7
// padding, a random IV in front, all in base64.
std::string encrypt_aes(CallContext& ctx, std::string_view password, std::string_view plain) {
  if (plain.empty()) return "";
  unsigned char key[32] = {};
  std::copy_n(password.begin(), std::min<size_t>(32, password.size()), key);
  std::string content(plain);
  size_t pad = 16 - content.size() % 16;
  content.append(pad, static_cast<char>(pad));
  std::string iv = random_string(ctx, 16);
  std::string out = iv + std::string(content.size(), '\0');
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> c(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int len = 0;
  EVP_EncryptInit_ex(c.get(), EVP_aes_256_cbc(), nullptr, key, reinterpret_cast<const unsigned char*>(iv.data()));
  EVP_CIPHER_CTX_set_padding(c.get(), 0);
  EVP_EncryptUpdate(c.get(), reinterpret_cast<unsigned char*>(out.data() + 16), &len,
                    reinterpret_cast<const unsigned char*>(content.data()), static_cast<int>(content.size()));
  return base64_encode(out);
}

// decryptAES, including the runtime panics Go raises on short or misaligned input.
std::string decrypt_aes(std::string_view password, std::string_view crypt64) {
  if (crypt64.empty()) return "";
  unsigned char key[32] = {};
  std::copy_n(password.begin(), std::min<size_t>(32, password.size()), key);
  std::string crypt = base64_decode(crypt64);
  // Go slices crypt[:16] against the buffer's capacity, which DecodeString sizes from the
  // input length; slicing within capacity succeeds even past the length.
  size_t capacity = crypt64.size() / 4 * 3;
  if (capacity < 16)
    throw FuncError("runtime error: slice bounds out of range [:16] with capacity " + std::to_string(capacity));
  if (crypt.size() < 16)
    throw FuncError("runtime error: slice bounds out of range [16:" + std::to_string(crypt.size()) + "]");
  std::string iv = crypt.substr(0, 16), body = crypt.substr(16);
  if (body.size() % 16 != 0) throw FuncError("crypto/cipher: input not full blocks");
  if (body.empty()) throw FuncError("runtime error: index out of range [-1]");
  std::string out(body.size(), '\0');
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> c(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int len = 0;
  EVP_DecryptInit_ex(c.get(), EVP_aes_256_cbc(), nullptr, key, reinterpret_cast<const unsigned char*>(iv.data()));
  EVP_CIPHER_CTX_set_padding(c.get(), 0);
  EVP_DecryptUpdate(c.get(), reinterpret_cast<unsigned char*>(out.data()), &len,
                    reinterpret_cast<const unsigned char*>(body.data()), static_cast<int>(body.size()));
  // Sprig trusts the last byte as the padding length without checking it.
  long keep = static_cast<long>(out.size()) - static_cast<unsigned char>(out.back());
  if (keep < 0) throw FuncError("runtime error: slice bounds out of range [:" + std::to_string(keep) + "]");
  out.resize(static_cast<size_t>(keep));
  return out;
}

}  // namespace

std::string derive_password(std::uint32_t counter, std::string_view type, std::string_view password,
                            std::string_view user, std::string_view site) {
  const auto& all = password_templates();
  auto it = all.find(type);
  if (it == all.end()) return "cannot find password template " + std::string(type);
  const std::string seed = "com.lyndir.masterpassword";
  std::string salt = seed;
  append_u32_be(salt, static_cast<std::uint32_t>(user.size()));
  salt += user;
  unsigned char key[64];
  // scrypt N=32768, r=8, p=2 needs 32 MiB per lane; OpenSSL's default ceiling is 32 MiB.
  if (!EVP_PBE_scrypt(password.data(), password.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                      salt.size(), 32768, 8, 2, 256u << 20, key, sizeof key))
    return "failed to derive password: scrypt failed";
  std::string message = seed;
  append_u32_be(message, static_cast<std::uint32_t>(site.size()));
  message += site;
  append_u32_be(message, counter);
  unsigned char mac[32];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), key, sizeof key, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
       mac, &mac_len);
  const std::string& tmpl = it->second[mac[0] % it->second.size()];
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    std::string_view chars = template_characters(tmpl[i]);
    out += chars[mac[i + 1] % chars.size()];
  }
  return out;
}

void register_sprig_crypto(FunctionRegistry& r) {
  r.add("bcrypt", {{Param::String}}, [](CallContext& c, Args a) { return Value(bcrypt(c, a[0].as_string())); });
  r.add("htpasswd", {{Param::String, Param::String}}, [](CallContext& c, Args a) {
    const std::string& user = a[0].as_string();
    if (user.find(':') != std::string::npos) return Value("invalid username: " + user);
    return Value(user + ":" + bcrypt(c, a[1].as_string()));
  });
  // The counter is a Go uint32; the engine hands over an int, truncated here as reflect's
  // SetUint truncates.
  r.add("derivePassword", {{Param::Int, Param::String, Param::String, Param::String, Param::String}},
        [](CallContext&, Args a) {
          return Value(derive_password(static_cast<std::uint32_t>(a[0].as_int()), a[1].as_string(),
                                       a[2].as_string(), a[3].as_string(), a[4].as_string()));
        });
  r.add("encryptAES", {{Param::String, Param::String}, false, true}, [](CallContext& c, Args a) {
    return Value(encrypt_aes(c, a[0].as_string(), a[1].as_string()));
  });
  r.add("decryptAES", {{Param::String, Param::String}, false, true},
        [](CallContext&, Args a) { return Value(decrypt_aes(a[0].as_string(), a[1].as_string())); });
}

}  // namespace sparkc::gotmpl
