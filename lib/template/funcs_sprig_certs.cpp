// genPrivateKey, buildCustomCert, genCA, genCAWithKey, genSelfSignedCert(WithKey),
// genSignedCert(WithKey): keys and X.509 certificates built with OpenSSL to the shape Go's
// crypto/x509 (1.19) gives Sprig's templates.
//
// What is reproduced: key types and PEM block types (PKCS#1 for RSA, SEC1 for EC, the
// traditional DSA form, PKCS#8 for Ed25519), a 128-bit random serial, a subject holding only
// the common name (PrintableString when Go would choose it), validity from now for N days,
// the extensions in Go's order (key usage, extended key usage, basic constraints, subject key
// id for CAs, authority key id from the CA, SANs with DNS names before IPs), and SHA-256
// signatures (SHA-384/512 for P-384/P-521 keys). The randomness OpenSSL needs is routed to
// CallContext::random_bytes while a function runs (see ScopedRandom).
#define OPENSSL_SUPPRESS_DEPRECATED  // RAND_METHOD is the only hook for a caller's randomness
#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>
#include <mutex>

#include "template/funcs_sprig_certs.h"
#include "template/funcs_sprig_encoding.h"

namespace sparkc::gotmpl {

namespace {

using Args = std::span<const Value>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;

// While alive, OpenSSL draws its random bytes (key generation, signature nonces, blinding)
// from the context. OpenSSL 3 offers no per-call hook, only the process-wide RAND_METHOD,
// so calls are serialised and other threads fall back to OpenSSL's own generator.
thread_local CallContext* t_random_source = nullptr;

// The source is unset during its own call: a context that is itself backed by RAND_bytes
// then reaches OpenSSL's generator instead of recursing into this method.
int context_bytes(unsigned char* buf, int num) {
  CallContext* source = t_random_source;
  if (!source) return RAND_OpenSSL()->bytes(buf, num);
  t_random_source = nullptr;
  source->random_bytes(std::span(buf, static_cast<size_t>(num)));
  t_random_source = source;
  return 1;
}
int context_status() { return 1; }

// A context's random_bytes must not throw: it is called from inside OpenSSL.
class ScopedRandom {
 public:
  explicit ScopedRandom(CallContext& ctx) : lock_(mutex()) {
    static const RAND_METHOD method = {nullptr, context_bytes, nullptr, nullptr, context_bytes, context_status};
    t_random_source = &ctx;
    RAND_set_rand_method(&method);
  }
  ~ScopedRandom() {
    RAND_set_rand_method(nullptr);
    t_random_source = nullptr;
  }

 private:
  static std::recursive_mutex& mutex() {
    static std::recursive_mutex m;
    return m;
  }
  std::lock_guard<std::recursive_mutex> lock_;
};

std::string openssl_error() {
  unsigned long e = ERR_get_error();
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  return buf;
}

// Go's pem.Encode: base64 in lines of 64 characters between BEGIN and END lines.
std::string pem_encode(std::string_view type, std::string_view der) {
  std::string b64 = base64_encode(der);
  std::string out = "-----BEGIN " + std::string(type) + "-----\n";
  for (size_t i = 0; i < b64.size(); i += 64) out += b64.substr(i, 64) + "\n";
  return out + "-----END " + std::string(type) + "-----\n";
}

// The PEM block Sprig's pemBlockForKey writes for a private key.
std::string pem_for_key(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  int len = 0;
  std::string type;
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA: type = "RSA PRIVATE KEY"; break;
    case EVP_PKEY_DSA: type = "DSA PRIVATE KEY"; break;
    case EVP_PKEY_EC: type = "EC PRIVATE KEY"; break;
    default: {  // Ed25519: PKCS#8
      std::unique_ptr<PKCS8_PRIV_KEY_INFO, decltype(&PKCS8_PRIV_KEY_INFO_free)> p8(EVP_PKEY2PKCS8(key),
                                                                                  &PKCS8_PRIV_KEY_INFO_free);
      len = p8 ? i2d_PKCS8_PRIV_KEY_INFO(p8.get(), &der) : 0;
      type = "PRIVATE KEY";
    }
  }
  if (!der) len = i2d_PrivateKey(key, &der);  // the traditional forms: PKCS#1, SEC1, DSA
  std::string out = len > 0 ? pem_encode(type, std::string_view(reinterpret_cast<char*>(der), len)) : "";
  OPENSSL_free(der);
  return out;
}

PkeyPtr generate_key(CallContext& ctx, std::string_view type) {
  ScopedRandom scoped(ctx);
  EVP_PKEY* key = nullptr;
  if (type == "rsa" || type.empty()) {
    key = EVP_RSA_gen(4096);
  } else if (type == "rsa2048") {
    key = EVP_RSA_gen(2048);
  } else if (type == "ecdsa") {
    key = EVP_EC_gen("P-256");
  } else if (type == "ed25519") {
    key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  } else if (type == "dsa") {
    // Go's dsa.L2048N256 parameters, then a key in them.
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> pctx(EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr),
                                                                     &EVP_PKEY_CTX_free);
    EVP_PKEY* params = nullptr;
    if (pctx && EVP_PKEY_paramgen_init(pctx.get()) > 0 && EVP_PKEY_CTX_set_dsa_paramgen_bits(pctx.get(), 2048) > 0 &&
        EVP_PKEY_CTX_set_dsa_paramgen_q_bits(pctx.get(), 256) > 0 && EVP_PKEY_paramgen(pctx.get(), &params) > 0) {
      PkeyPtr p(params, &EVP_PKEY_free);
      std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> kctx(EVP_PKEY_CTX_new(params, nullptr),
                                                                       &EVP_PKEY_CTX_free);
      if (kctx && EVP_PKEY_keygen_init(kctx.get()) > 0) EVP_PKEY_keygen(kctx.get(), &key);
    }
  }
  return PkeyPtr(key, &EVP_PKEY_free);
}

// Sprig's parsePrivateKeyPEM. OpenSSL's decoders stand in for Go's, so the detail after
// "parsing RSA private key from PEM: " is OpenSSL's, not Go's asn1 message.
PkeyPtr parse_private_key(std::string_view text) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), &BIO_free);
  char *name = nullptr, *header = nullptr;
  unsigned char* data = nullptr;
  long len = 0;
  if (!PEM_read_bio(bio.get(), &name, &header, &data, &len)) {
    ERR_clear_error();
    throw FuncError("no PEM data in input");
  }
  std::string type(name);
  std::string der(reinterpret_cast<char*>(data), static_cast<size_t>(len));
  OPENSSL_free(name);
  OPENSSL_free(header);
  OPENSSL_free(data);
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  EVP_PKEY* key = nullptr;
  if (type == "PRIVATE KEY") {
    std::unique_ptr<PKCS8_PRIV_KEY_INFO, decltype(&PKCS8_PRIV_KEY_INFO_free)> p8(
        d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, static_cast<long>(der.size())), &PKCS8_PRIV_KEY_INFO_free);
    if (p8) key = EVP_PKCS82PKEY(p8.get());
    if (!key) throw FuncError("decoding PEM as PKCS#8: " + openssl_error());
    return PkeyPtr(key, &EVP_PKEY_free);
  }
  constexpr std::string_view kSuffix = " PRIVATE KEY";
  if (!type.ends_with(kSuffix)) throw FuncError("no private key data in PEM block of type " + type);
  std::string kind = type.substr(0, type.size() - kSuffix.size());
  int id = kind == "RSA" ? EVP_PKEY_RSA : kind == "EC" ? EVP_PKEY_EC : kind == "DSA" ? EVP_PKEY_DSA : 0;
  if (id == 0) throw FuncError("invalid private key type " + type);
  key = d2i_PrivateKey(id, nullptr, &p, static_cast<long>(der.size()));
  if (!key) throw FuncError("parsing " + kind + " private key from PEM: " + openssl_error());
  return PkeyPtr(key, &EVP_PKEY_free);
}

// Go's net.ParseIP, with IPv4 and IPv4-mapped addresses in their 4-byte form (ip.To4()).
std::optional<std::string> parse_ip(const std::string& s) {
  unsigned char buf[16];
  if (inet_pton(AF_INET, s.c_str(), buf) == 1) return std::string(reinterpret_cast<char*>(buf), 4);
  if (inet_pton(AF_INET6, s.c_str(), buf) != 1) return std::nullopt;
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped, kMapped + 12, buf)) return std::string(reinterpret_cast<char*>(buf + 12), 4);
  return std::string(reinterpret_cast<char*>(buf), 16);
}

// Go's asn1 chooses PrintableString when every character allows it, else UTF8String.
bool printable(std::string_view s) {
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view(" '()+,-./:=?").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// Go's %v of a template argument, for "error parsing ip: 1 is not a string".
std::string plain(const Value& v) {
  if (v.is_nil()) return "<nil>";
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.type() == Type::Int || v.type() == Type::Int64) return std::to_string(v.as_int());
  if (v.type() == Type::Uint64) return std::to_string(v.as_uint());
  if (v.is_object()) return v.as_object()->print();
  return v.go_type_name();
}

struct Template {
  std::string cn;
  std::vector<std::string> ips;  // raw 4- or 16-byte addresses
  std::vector<std::string> dns;
  std::int64_t days = 0;
  bool is_ca = false;
};

// getBaseCertTemplate's argument checks, in its order: IPs, then DNS names.
Template base_template(const Value& cn, const Value& ips, const Value& dns, const Value& days) {
  Template t;
  t.cn = cn.as_string();
  t.days = days.as_int();
  if (ips.is_list()) {
    for (const auto& ip : ips.as_list()) {
      if (!ip.is_string()) throw FuncError("error parsing ip: " + plain(ip) + " is not a string");
      auto raw = parse_ip(ip.as_string());
      if (!raw) throw FuncError("error parsing ip: " + ip.as_string());
      t.ips.push_back(*raw);
    }
  }
  if (dns.is_list()) {
    for (const auto& d : dns.as_list()) {
      if (!d.is_string()) throw FuncError("error processing alternate dns name: " + plain(d) + " is not a string");
      t.dns.push_back(d.as_string());
    }
  }
  return t;
}

void add_ext(X509* cert, X509V3_CTX* v3, int nid, const std::string& value) {
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, v3, nid, value.c_str());
  if (!ext) throw FuncError("error creating certificate: " + openssl_error());
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

// Go's x509.CreateCertificate for Sprig's templates; `issuer` null means self-signed.
std::string create_certificate(CallContext& ctx, const Template& t, EVP_PKEY* subject_key, X509* issuer,
                               EVP_PKEY* signing_key) {
  // Go's checks, in its order: the signer, then the public key, then the signer/CA match.
  if (EVP_PKEY_get_base_id(signing_key) == EVP_PKEY_DSA)
    throw FuncError("error creating certificate: x509: certificate private key does not implement crypto.Signer");
  if (EVP_PKEY_get_base_id(subject_key) == EVP_PKEY_DSA)
    throw FuncError("error creating certificate: x509: unsupported public key type: *dsa.PublicKey");
  if (issuer && X509_check_private_key(issuer, signing_key) != 1) {
    ERR_clear_error();
    throw FuncError("error creating certificate: x509: provided PrivateKey doesn't match parent's PublicKey");
  }
  ScopedRandom scoped(ctx);
  X509Ptr cert(X509_new(), &X509_free);
  X509_set_version(cert.get(), X509_VERSION_3);
  unsigned char serial[16];  // rand.Int below 2^128: sixteen unmasked bytes
  ctx.random_bytes(serial);
  std::unique_ptr<BIGNUM, decltype(&BN_free)> sn(BN_bin2bn(serial, 16, nullptr), &BN_free);
  BN_to_ASN1_INTEGER(sn.get(), X509_get_serialNumber(cert.get()));

  X509_NAME* name = X509_get_subject_name(cert.get());
  if (!t.cn.empty())
    X509_NAME_add_entry_by_NID(name, NID_commonName, printable(t.cn) ? V_ASN1_PRINTABLESTRING : V_ASN1_UTF8STRING,
                               reinterpret_cast<const unsigned char*>(t.cn.data()), static_cast<int>(t.cn.size()), -1,
                               0);
  X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
  std::time_t now = std::time(nullptr);
  X509_time_adj_ex(X509_getm_notBefore(cert.get()), 0, 0, &now);
  // days*24h may exceed what ASN1_TIME_adj takes in one step only for absurd inputs.
  X509_time_adj_ex(X509_getm_notAfter(cert.get()), static_cast<int>(t.days), 0, &now);
  X509_set_pubkey(cert.get(), subject_key);

  X509V3_CTX v3;
  X509V3_set_ctx(&v3, issuer ? issuer : cert.get(), cert.get(), nullptr, nullptr, 0);
  add_ext(cert.get(), &v3, NID_key_usage,
          t.is_ca ? "critical,digitalSignature,keyEncipherment,keyCertSign" : "critical,digitalSignature,keyEncipherment");
  add_ext(cert.get(), &v3, NID_ext_key_usage, "serverAuth,clientAuth");
  add_ext(cert.get(), &v3, NID_basic_constraints, t.is_ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
  if (t.is_ca) add_ext(cert.get(), &v3, NID_subject_key_identifier, "hash");
  // Go copies the CA's subject key id when issuer and subject differ.
  bool same_name = issuer && X509_NAME_cmp(X509_get_subject_name(issuer), name) == 0;
  if (issuer && !same_name && X509_get0_subject_key_id(issuer))
    add_ext(cert.get(), &v3, NID_authority_key_identifier, "keyid:always");
  if (!t.dns.empty() || !t.ips.empty()) {
    GENERAL_NAMES* names = sk_GENERAL_NAME_new_null();
    auto push = [&](int type, const std::string& value) {
      ASN1_IA5STRING* s = type == GEN_DNS ? ASN1_IA5STRING_new() : ASN1_OCTET_STRING_new();
      ASN1_STRING_set(s, value.data(), static_cast<int>(value.size()));
      GENERAL_NAME* g = GENERAL_NAME_new();
      GENERAL_NAME_set0_value(g, type, s);
      sk_GENERAL_NAME_push(names, g);
    };
    for (const auto& d : t.dns) push(GEN_DNS, d);
    for (const auto& ip : t.ips) push(GEN_IPADD, ip);
    // With an empty subject the SANs carry the identity, and Go marks them critical.
    X509_add1_ext_i2d(cert.get(), NID_subject_alt_name, names, t.cn.empty() ? 1 : 0, X509V3_ADD_DEFAULT);
    GENERAL_NAMES_free(names);
  }
  const EVP_MD* md = nullptr;  // Ed25519 signs the message itself
  if (EVP_PKEY_get_base_id(signing_key) != EVP_PKEY_ED25519) {
    int bits = EVP_PKEY_get_bits(signing_key);
    bool ec = EVP_PKEY_get_base_id(signing_key) == EVP_PKEY_EC;
    md = ec && bits == 384 ? EVP_sha384() : ec && bits == 521 ? EVP_sha512() : EVP_sha256();
  }
  if (X509_sign(cert.get(), signing_key, md) <= 0) throw FuncError("error creating certificate: " + openssl_error());
  unsigned char* der = nullptr;
  int len = i2d_X509(cert.get(), &der);
  std::string out = pem_encode("CERTIFICATE", std::string_view(reinterpret_cast<char*>(der), len));
  OPENSSL_free(der);
  return out;
}

// pem.Decode + x509.ParseCertificate on a certificate's PEM text.
X509Ptr parse_certificate(std::string_view pem, std::string_view what) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  char *name = nullptr, *header = nullptr;
  unsigned char* data = nullptr;
  long len = 0;
  if (!PEM_read_bio(bio.get(), &name, &header, &data, &len)) {
    ERR_clear_error();
    throw FuncError("unable to decode certificate");
  }
  const unsigned char* p = data;
  X509* cert = d2i_X509(nullptr, &p, len);
  OPENSSL_free(name);
  OPENSSL_free(header);
  OPENSSL_free(data);
  if (!cert) {
    ERR_clear_error();
    throw FuncError("error parsing certificate: " + std::string(what) + ": x509: malformed certificate");
  }
  return X509Ptr(cert, &X509_free);
}

// The certificate argument of genSignedCert: only a value made by the gen functions fits.
const CertificateObject& certificate_arg(const Value& v) {
  if (v.is_object())
    if (auto* c = dynamic_cast<const CertificateObject*>(v.as_object().get())) return *c;
  // Go rejects the argument while converting it; the wording is its message for a variable.
  throw FuncError("wrong type for value; expected sprig.certificate; got " + v.go_type_name());
}

Value certificate(CallContext& ctx, const Template& t, PkeyPtr key, X509* issuer, EVP_PKEY* signer) {
  std::string cert = create_certificate(ctx, t, key.get(), issuer, signer ? signer : key.get());
  return Value(std::shared_ptr<Object>(std::make_shared<CertificateObject>(cert, pem_for_key(key.get()))));
}

PkeyPtr key_from_pem(std::string_view pem) {
  try {
    return parse_private_key(pem);
  } catch (const FuncError& e) {
    throw FuncError(std::string("parsing private key: ") + e.what());
  }
}

PkeyPtr fresh_rsa_key(CallContext& ctx) {
  PkeyPtr key = generate_key(ctx, "rsa2048");
  if (!key) throw FuncError("error generating rsa key: " + openssl_error());
  return key;
}

Value gen_ca(CallContext& ctx, Args a, PkeyPtr key) {
  Template t = base_template(a[0], Value(), Value(), a[1]);
  t.is_ca = true;
  return certificate(ctx, t, std::move(key), nullptr, nullptr);
}

Value gen_signed(CallContext& ctx, Args a, PkeyPtr key) {
  const CertificateObject& ca = certificate_arg(a[4]);
  X509Ptr ca_cert = parse_certificate(ca.cert(), "decodedSignerCert.Bytes");
  PkeyPtr ca_key(nullptr, &EVP_PKEY_free);
  try {
    ca_key = parse_private_key(ca.key());
  } catch (const FuncError& e) {
    throw FuncError(std::string("error parsing private key: ") + e.what());
  }
  Template t = base_template(a[0], a[1], a[2], a[3]);
  return certificate(ctx, t, std::move(key), ca_cert.get(), ca_key.get());
}

}  // namespace

std::optional<Value> CertificateObject::field(std::string_view name) const {
  if (name == "Cert") return Value(cert_);
  if (name == "Key") return Value(key_);
  return std::nullopt;
}

Value CertificateObject::to_data() const {
  Map m;
  m["Cert"] = Value(cert_);
  m["Key"] = Value(key_);
  return Value(std::move(m));
}

bool CertificateObject::equals(const Object& other) const {
  auto* o = dynamic_cast<const CertificateObject*>(&other);
  return o && o->cert_ == cert_ && o->key_ == key_;
}

void register_sprig_certs(FunctionRegistry& r) {
  r.add("genPrivateKey", {{Param::String}}, [](CallContext& c, Args a) {
    const std::string& type = a[0].as_string();
    if (type != "" && type != "rsa" && type != "dsa" && type != "ecdsa" && type != "ed25519")
      return Value("Unknown type " + type);
    PkeyPtr key = generate_key(c, type);
    if (!key) return Value("failed to generate private key: " + openssl_error());
    return Value(pem_for_key(key.get()));
  });
  r.add("buildCustomCert", {{Param::String, Param::String}, false, true}, [](CallContext&, Args a) {
    std::string cert, key;
    try {
      cert = base64_decode(a[0].as_string());
    } catch (const FuncError&) {
      throw FuncError("unable to decode base64 certificate");
    }
    try {
      key = base64_decode(a[1].as_string());
    } catch (const FuncError&) {
      throw FuncError("unable to decode base64 private key");
    }
    parse_certificate(cert, "decodedCert.Bytes");
    try {
      parse_private_key(key);
    } catch (const FuncError& e) {
      throw FuncError(std::string("error parsing private key: ") + e.what());
    }
    return Value(std::shared_ptr<Object>(std::make_shared<CertificateObject>(cert, key)));
  });
  r.add("genCA", {{Param::String, Param::Int}, false, true},
        [](CallContext& c, Args a) { return gen_ca(c, a, fresh_rsa_key(c)); });
  r.add("genCAWithKey", {{Param::String, Param::Int, Param::String}, false, true},
        [](CallContext& c, Args a) { return gen_ca(c, a, key_from_pem(a[2].as_string())); });
  r.add("genSelfSignedCert", {{Param::String, Param::List, Param::List, Param::Int}, false, true},
        [](CallContext& c, Args a) {
          PkeyPtr key = fresh_rsa_key(c);
          return certificate(c, base_template(a[0], a[1], a[2], a[3]), std::move(key), nullptr, nullptr);
        });
  r.add("genSelfSignedCertWithKey", {{Param::String, Param::List, Param::List, Param::Int, Param::String}, false, true},
        [](CallContext& c, Args a) {
          PkeyPtr key = key_from_pem(a[4].as_string());
          return certificate(c, base_template(a[0], a[1], a[2], a[3]), std::move(key), nullptr, nullptr);
        });
  r.add("genSignedCert", {{Param::String, Param::List, Param::List, Param::Int, Param::Any}, false, true},
        [](CallContext& c, Args a) {
          certificate_arg(a[4]);  // Go converts the arguments before the key is generated
          return gen_signed(c, a, fresh_rsa_key(c));
        });
  r.add("genSignedCertWithKey",
        {{Param::String, Param::List, Param::List, Param::Int, Param::Any, Param::String}, false, true},
        [](CallContext& c, Args a) {
          certificate_arg(a[4]);
          return gen_signed(c, a, key_from_pem(a[5].as_string()));
        });
}

}  // namespace sparkc::gotmpl
