// bcrypt, htpasswd, derivePassword, AES and the certificate functions. Deterministic
// results (derivePassword, decryption of Go ciphertexts, bcrypt with Go's salt, error texts)
// come from the Go oracle; keys and certificates are parsed back with OpenSSL and checked
// for the structure Go gives them.
#include <doctest/doctest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

#include "func_test_util.h"
#include "template/funcs_sprig_certs.h"
#include "template/funcs_sprig_crypto.h"
#include "template/funcs_sprig_encoding.h"

using namespace sparkc;
using namespace sparkc::gotmpl;
using namespace sparkc::gotmpl::testing;

namespace {

// Keys and a CA made by Go's sprig (genPrivateKey, genCA "Go CA" 3650): throwaway test data.
const char* kGoEcKey = R"PEM(-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIIxzqyHnXYjjDU85Pn0iHvPJbmzIcJIqVogU+58U4T33oAoGCCqGSM49
AwEHoUQDQgAETK2PTB4PLAvO59hkWQD7RzHL7aNs4qDrPo2N+4Dq5zpVEjtfAygp
nwxExqqtrejLJdZ3Vy0rlD7xkegJUjMsyw==
-----END EC PRIVATE KEY-----
)PEM";
const char* kGoEd25519Key = R"PEM(-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIEIbxI4t6NtPDg8IRn3Sr8z3RZvZwMq99oNA+2PPWt76
-----END PRIVATE KEY-----
)PEM";
const char* kGoCaCert = R"PEM(-----BEGIN CERTIFICATE-----
MIIDCzCCAfOgAwIBAgIQVl9IH3TonmucJORaRb3T5DANBgkqhkiG9w0BAQsFADAQ
MQ4wDAYDVQQDEwVHbyBDQTAeFw0yNjExMjEwODE4MTdaFw0zNjExMTgwODE4MTda
MBAxDjAMBgNVBAMTBUdvIENBMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC
AQEAw+xfe8pJFw0xioCDgDQo/RrapK7vBpfNRry5FNngA5wlYkUfroovwjG3SLx2
SS3RlZJX8JJqVxTBugFKqW8Acdor596qBYeobrRqCdTcZfcMnq7crb58WitxI1Gf
fV+h87aN02LXJ9yr2UXByRThY1umRB1xtM5mAXB5WMFjgpWbxvYyLqrdQh3xsEnQ
fdhOoiyKcVNrN0AWQOGPAOn7Jsugo4ERQ9pxiOsUHNpuyQM0LGWRBz7vQtDsnhx1
cioFzRcLcWarMkOdKNMsiiQjfVzkNO9SrRKQoWCNtIs714ENeXGdEs0M2uUjqTm5
Kq6KExzg0m+b4KDSWR5nVZ5dYQIDAQABo2EwXzAOBgNVHQ8BAf8EBAMCAqQwHQYD
VR0lBBYwFAYIKwYBBQUHAwEGCCsGAQUFBwMCMA8GA1UdEwEB/wQFMAMBAf8wHQYD
VR0OBBYEFO65bBbMylQrFrvgBJOhmawBlV+fMA0GCSqGSIb3DQEBCwUAA4IBAQB8
8wUTb+qYfp0YT05xI6wO5ILk3ZaC2ikKAd1cpfr5nRWvRG1OwxMSv2ZIAIFNbqUJ
Ek94vOGKhK0u4epOPNZUiQQiYcxYN5fGpRr9n2QNfr6Pdyzim68abJPE/dSOYyhv
JDvgvuP0Kf3QQe8DaTdJf7ohC3pyitAjDAfi9+Gxw+J2jXw+o6bUpjcfjAGTGG5j
DriujN9/Z0FjKZwFkWR2/Lg3OeIHbYKJPgeKyG3vuE9bFhQi4UkFwKk3zkwygot9
oQ/hYNr5vhn9cs5Vos9FxDJXITQQEz2lk5aPOOy/vMu4O+hwiw5r3hBQZpNLP6Vj
L/OLvMNTem4LsVK5SvsU
-----END CERTIFICATE-----
)PEM";
const char* kGoCaKey = R"PEM(-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEAw+xfe8pJFw0xioCDgDQo/RrapK7vBpfNRry5FNngA5wlYkUf
roovwjG3SLx2SS3RlZJX8JJqVxTBugFKqW8Acdor596qBYeobrRqCdTcZfcMnq7c
rb58WitxI1GffV+h87aN02LXJ9yr2UXByRThY1umRB1xtM5mAXB5WMFjgpWbxvYy
LqrdQh3xsEnQfdhOoiyKcVNrN0AWQOGPAOn7Jsugo4ERQ9pxiOsUHNpuyQM0LGWR
Bz7vQtDsnhx1cioFzRcLcWarMkOdKNMsiiQjfVzkNO9SrRKQoWCNtIs714ENeXGd
Es0M2uUjqTm5Kq6KExzg0m+b4KDSWR5nVZ5dYQIDAQABAoIBADmT8cuzex9nJTQK
6Jp4ucMIbVEQh/ZsDkvHkqzqCseE0Ae9QL5OphJwAelCWZDQAlPumiF9JftJglVj
o8l/caYD8/tEmLrfT0SZiMAy6kKdA/xubzQwUuM8+RbkGfcCb9nrwGprFcgFNgu4
UGcD1+kXOhmyfYQhVCEAKOlIjDIHufC6YLrqAgMUDK/5lU7jDUNfPYlpmx+IBvhV
RFCZgNQpUag6OTpaDF8+yKftIH7frvFriIC/si2eYcShTFFlVurlIXSBbHGe3vDo
v4yizhEqWv3L1MfRJZCb6hIzYfM/rJtOXCyaaCAvQtdvhKvDmD4tK3fgXWZsqyEI
rbU+XQECgYEA6L1ROweLJvbNWYAe3Fqdu+HWvOCrM6oc+F5c51XT0t/djtnxFcJN
mmDyOpmn7fA+3+/vmcM6qwTdfAtNiYGuJTBDhGDLa+kt8m5in4+FEVdRUVZJGyEE
Vbu2zuAoGuIYtrN0mU3mOptrs8DHPbuT0lL132fLST+w5j0t/MvmTAkCgYEA14Eb
WXEYoOgT09dmzYgwQb7W/Lc29rmz25SgBwaCi9ZLFn+pYIQcnxnJo3VnPVMMjyF4
3VD8n/AbUsKC/H3i9uL0AhJt1G6hOSqFLGizBpyaOBx/lVa0Ckdq+PdnsvlSArrI
puZc174uDxudpwpm9Z0YroPYaN5e98iFufG2jJkCgYAW1axInF7cvc47/8QHXqSn
MGs/MNPbR8971tZKpDMaN3incV6kAeJXSTe65CSDxdSFaCcb8PmqmdmZOAqteRm6
8FdPf6e1uLUXWhk3Cn/Fyclir5KQpNamCrrO5VNJ//DozAaem/QAwAr7Iejqd6Lz
OcyB1M8vKp6SmGIQsXiw8QKBgGmQVbxXeTAA3w2LW1Fc3/6kpB1BBkyPpPnv8P/g
AXzMaRXJTUf5DygkcrB+ZycUEnfedp06+bTC4i+FFrLmW5KCk/Kb4m8IDjO5j2i0
lNWtSqIn25tk0Gakm1L/pi12keTCaF3RRDNudpNx/KUBpHO2E4wRC6Y7H5wS/uaZ
78kpAoGAVPoC7jz40c8YpL2UTEkhrFsls3nW6SUkDGWAibuE1VK2bcPjbVq5iDyZ
z0ZEz1proKtNnbyWmcdW2u4g0yff4TSNwJ3vxQ8NsXr5B3tTRAYcd2H41KN4YiCa
7a8OAoEJo6ATWcYkfvCAA6pClG6qmbuzzpa3XQLRJkIpDJuyn4s=
-----END RSA PRIVATE KEY-----
)PEM";

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

X509Ptr read_cert(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
}

PkeyPtr read_key(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  return PkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

std::string common_name(X509_NAME* name) {
  char buf[256] = {};
  X509_NAME_get_text_by_NID(name, NID_commonName, buf, sizeof buf);
  return buf;
}

// The SANs as "DNS:x" and "IP:1.2.3.4" / "IP:16 bytes" strings, in certificate order.
std::vector<std::string> sans(X509* cert) {
  std::vector<std::string> out;
  auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i) {
    GENERAL_NAME* g = sk_GENERAL_NAME_value(names, i);
    int type = 0;
    auto* s = static_cast<ASN1_STRING*>(GENERAL_NAME_get0_value(g, &type));
    std::string v(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
    if (type == GEN_DNS) {
      out.push_back("DNS:" + v);
    } else if (v.size() == 4) {
      out.push_back("IP:" + std::to_string((unsigned char)v[0]) + "." + std::to_string((unsigned char)v[1]) + "." +
                    std::to_string((unsigned char)v[2]) + "." + std::to_string((unsigned char)v[3]));
    } else {
      out.push_back("IP:" + std::to_string(v.size()) + " bytes");
    }
  }
  GENERAL_NAMES_free(names);
  return out;
}

// Days between notBefore and notAfter.
int validity_days(X509* cert) {
  int days = 0, secs = 0;
  ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(cert), X509_get0_notAfter(cert));
  return days;
}

const CertificateObject& as_cert(const Value& v) {
  REQUIRE(v.is_object());
  auto* c = dynamic_cast<const CertificateObject*>(v.as_object().get());
  REQUIRE(c != nullptr);
  return *c;
}

std::string error_of(CallContext& ctx, std::string_view fn, std::vector<Value> args) {
  try {
    Value v = call(ctx, fn, std::move(args));
    return "no error: " + show(v);
  } catch (const FuncError& e) {
    return e.what();
  }
}

// Decodes bcrypt's base64 alphabet (for reading the salt of a Go hash).
std::string bcrypt_base64_decode(std::string_view s) {
  const std::string_view alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : s) {
    acc = acc << 6 | static_cast<unsigned>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>(acc >> bits);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("derivePassword, AES and htpasswd edge cases match Go") {
  std::vector<Row> rows = {
    {"derivePassword", {Value::integer(1), Value("long"), Value("password"), Value("user"), Value("example.com")}, "ZedaFaxcZaso9*", false},
    {"derivePassword", {Value::integer(2), Value("maximum"), Value("secret"), Value("alice"), Value("github.com")}, "E4$8PEBkW!8Vn(dDz*yV", false},
    {"derivePassword", {Value::integer(3), Value("medium"), Value("pw"), Value("bob"), Value("site")}, "TobDah1+", false},
    {"derivePassword", {Value::integer(1), Value("short"), Value("pw"), Value(""), Value("")}, "Fux0", false},
    {"derivePassword", {Value::integer(0), Value("basic"), Value("Master Password"), Value("Robert Lee Mitchell"), Value("masterpasswordapp.com")}, "SmK94toz", false},
    {"derivePassword", {Value::integer(4294967295), Value("pin"), Value("pw"), Value("\303\274"), Value("\303\237")}, "9295", false},
    {"derivePassword", {Value::integer(1), Value("nope"), Value("pw"), Value("u"), Value("s")}, "cannot find password template nope", false},
    {"decryptAES", {Value("k"), Value("")}, "", false},
    {"decryptAES", {Value("k"), Value("YWJj")}, "runtime error: slice bounds out of range [:16] with capacity 3", true},
    {"decryptAES", {Value("k"), Value("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")}, "crypto/cipher: input not full blocks", true},
    {"decryptAES", {Value("k"), Value("AAAAAAAAAAAAAAAAAAAAAA==")}, "runtime error: index out of range [-1]", true},
    {"decryptAES", {Value("k"), Value("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")}, "runtime error: slice bounds out of range [:-19]", true},
    {"decryptAES", {Value("k"), Value("a$")}, "illegal base64 data at input byte 1", true},
    {"encryptAES", {Value("k"), Value("")}, "", false},
    {"htpasswd", {Value("a:b"), Value("x")}, "invalid username: a:b", false},
    {"genPrivateKey", {Value("foo")}, "Unknown type foo", false},
    {"genPrivateKey", {Value("RSA")}, "Unknown type RSA", false},
  };
  check_rows(rows);
}

TEST_CASE("decryptAES reads ciphertexts made by Go's encryptAES") {
  // Keys shorter and longer than 32 bytes, an empty key, one and several blocks.
  std::vector<Row> rows = {
      {"decryptAES", {Value("secretkey"), Value("LMqYNff//JKYZ08oEWJwciHA/s7ZN5dJw18F4w2z48Q=")}, "plaintext"},
      {"decryptAES",
       {Value("a-password-longer-than-thirty-two-bytes!!"),
        Value("cZD0Y3YzwjwNtSEqcO7RpjckE5pbJ7ZP8qVmhq4RIzJm5uB4Hg0doEu4OjQOFo9H")},
       "sixteen byte msg"},
      {"decryptAES",
       {Value(""), Value("g0M5NZiX/nr11oo3KbprtZj7XybDIcWFlS6Ud0AdbCg/zdMDtHBdZbRO7YXZcO9T2BO8mysxFNHaOpFWUL+"
                         "OltVwl4+hnz5mf1wo+jnGVJA=")},
       "Hello, \344\270\226\347\225\214 and a longer text that spans several AES blocks"},
  };
  check_rows(rows);
}

TEST_CASE("encryptAES output is IV + AES-CBC, and decryptAES inverts it") {
  StubContext ctx(3);
  for (std::string plain : {"x", "exactly 16 bytes", "a somewhat longer secret value, 45 bytes long"}) {
    CAPTURE(plain);
    std::string enc = call(ctx, "encryptAES", {Value("pw"), Value(plain)}).as_string();
    size_t blocks = plain.size() / 16 + 1;  // PKCS#7 always pads
    CHECK(base64_decode(enc).size() == 16 * (blocks + 1));
    CHECK(call(ctx, "decryptAES", {Value("pw"), Value(enc)}).as_string() == plain);
  }
  // The IV is the first 16 random bytes.
  ctx.script(std::vector<unsigned char>(16, 0));
  CHECK(base64_decode(call(ctx, "encryptAES", {Value("pw"), Value("x")}).as_string()).substr(0, 16) ==
        std::string(16, '\0'));
}

TEST_CASE("Blowfish's initial state is pi's fraction") {
  const auto& w = blowfish_pi_words();
  CHECK(w[0] == 0x243F6A88u);    // P[0]
  CHECK(w[17] == 0x8979FB1Bu);   // P[17]
  CHECK(w[18] == 0xD1310BA6u);   // S0[0]
  CHECK(w[1041] == 0x3AC372E6u); // S3[255]
}

TEST_CASE("bcrypt reproduces Go's hashes given their salt") {
  // Hashes from {{bcrypt "password"}}, {{bcrypt ""}} and {{htpasswd "admin" "s3cret"}}.
  struct Case {
    std::string password, hash;
  } cases[] = {
      {"password", "$2a$10$idqs/H/uuJ62JVYSvCd3gOg0VAE0gqgeQ2blWS5ACW05eFA/2F97u"},
      {"", "$2a$10$hUpuF1pt5iBis9.AUopSMeq2XEtRfUYcYWoJCkltVMgLBjbWN5iEm"},
      {"s3cret", "$2a$10$VLpUObJ.E0L7PpmhSZTal.BILmQK39TA/we6lJmhb11ju1o9wSwIm"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.password);
    std::string salt = bcrypt_base64_decode(c.hash.substr(7, 22));
    REQUIRE(salt.size() == 16);
    CHECK(bcrypt_hash(c.password, salt, 10) == c.hash);
  }
}

TEST_CASE("bcrypt and htpasswd draw a fresh salt from the context") {
  StubContext ctx;
  std::string h = call(ctx, "bcrypt", {Value("password")}).as_string();
  CHECK(h.size() == 60);
  CHECK(h.substr(0, 7) == "$2a$10$");
  CHECK(ctx.drawn() == 16);
  std::string salt = bcrypt_base64_decode(h.substr(7, 22));
  CHECK(bcrypt_hash("password", salt, 10) == h);
  std::string line = call(ctx, "htpasswd", {Value("admin"), Value("s3cret")}).as_string();
  CHECK(line.substr(0, 13) == "admin:$2a$10$");
  CHECK(line.size() == 66);
}

TEST_CASE("genPrivateKey writes the PEM blocks Sprig writes") {
  StubContext ctx(11);
  struct Case {
    std::string type, header;
    int pkey_id, bits;
  } cases[] = {
      {"ecdsa", "-----BEGIN EC PRIVATE KEY-----", EVP_PKEY_EC, 256},
      {"ed25519", "-----BEGIN PRIVATE KEY-----", EVP_PKEY_ED25519, 256},
      {"", "-----BEGIN RSA PRIVATE KEY-----", EVP_PKEY_RSA, 4096},  // "" and "rsa": slow, test one
      {"dsa", "-----BEGIN DSA PRIVATE KEY-----", EVP_PKEY_DSA, 2048},
  };
  for (const auto& c : cases) {
    CAPTURE(c.type);
    std::string pem = call(ctx, "genPrivateKey", {Value(c.type)}).as_string();
    CHECK(first_line(pem) == c.header);
    PkeyPtr key = read_key(pem);
    REQUIRE(key != nullptr);
    CHECK(EVP_PKEY_get_base_id(key.get()) == c.pkey_id);
    CHECK(EVP_PKEY_get_bits(key.get()) == c.bits);
  }
}

TEST_CASE("keys are generated from the context's random bytes") {
  StubContext a(21), b(21), c(22);
  std::string ka = call(a, "genPrivateKey", {Value("ecdsa")}).as_string();
  CHECK(ka == call(b, "genPrivateKey", {Value("ecdsa")}).as_string());
  CHECK(ka != call(c, "genPrivateKey", {Value("ecdsa")}).as_string());
  CHECK(a.drawn() > 0);
}

TEST_CASE("a context backed by OpenSSL's own generator does not recurse") {
  // An executor without a seed may well draw from RAND_bytes while a key is being generated.
  struct OpenSslContext : StubContext {
    void random_bytes(std::span<unsigned char> out) override {
      REQUIRE(RAND_bytes(out.data(), static_cast<int>(out.size())) == 1);
    }
  } ctx;
  std::string pem = call(ctx, "genPrivateKey", {Value("ed25519")}).as_string();
  CHECK(read_key(pem) != nullptr);
}

TEST_CASE("genCA makes a self-signed RSA CA like Go's x509") {
  StubContext ctx;
  Value ca_value = call(ctx, "genCA", {Value("My CA"), Value::integer(365)});
  const auto& ca = as_cert(ca_value);
  CHECK(first_line(ca.key()) == "-----BEGIN RSA PRIVATE KEY-----");
  X509Ptr cert = read_cert(ca.cert());
  REQUIRE(cert != nullptr);
  PkeyPtr key = read_key(ca.key());
  REQUIRE(key != nullptr);
  CHECK(X509_check_private_key(cert.get(), key.get()) == 1);
  CHECK(EVP_PKEY_get_bits(key.get()) == 2048);
  CHECK(common_name(X509_get_subject_name(cert.get())) == "My CA");
  CHECK(X509_NAME_cmp(X509_get_subject_name(cert.get()), X509_get_issuer_name(cert.get())) == 0);
  CHECK(X509_verify(cert.get(), key.get()) == 1);
  CHECK(X509_get_version(cert.get()) == X509_VERSION_3);
  CHECK(validity_days(cert.get()) == 365);
  CHECK(X509_check_ca(cert.get()) >= 1);
  CHECK(X509_get_key_usage(cert.get()) == (KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT | KU_KEY_CERT_SIGN));
  CHECK(X509_get_extended_key_usage(cert.get()) == (XKU_SSL_SERVER | XKU_SSL_CLIENT));
  CHECK(X509_get0_subject_key_id(cert.get()) != nullptr);
  CHECK(X509_get0_authority_key_id(cert.get()) == nullptr);
  CHECK(X509_get_signature_nid(cert.get()) == NID_sha256WithRSAEncryption);
  CHECK(sans(cert.get()).empty());
  // Go prints the struct as {Cert Key}.
  CHECK(ca.print() == "{" + ca.cert() + " " + ca.key() + "}");
  CHECK(ca.go_type_name() == "sprig.certificate");
  CHECK(ca.field("Cert")->as_string() == ca.cert());
}

TEST_CASE("genSignedCert chains to its CA, with SANs and an authority key id") {
  StubContext ctx;
  Value ca_value = call(ctx, "genCA", {Value("ca"), Value::integer(10)});
  const auto& ca = as_cert(ca_value);
  Value ips = Value::list({Value("10.0.0.1"), Value("::1"), Value("::ffff:192.168.1.1")});
  Value dns = Value::list({Value("svc.example.com"), Value("*.example.com")});
  Value leaf_value = call(ctx, "genSignedCert", {Value("leaf"), ips, dns, Value::integer(30), ca_value});
  const auto& leaf = as_cert(leaf_value);
  X509Ptr cert = read_cert(leaf.cert()), ca_cert = read_cert(ca.cert());
  REQUIRE(cert != nullptr);
  PkeyPtr ca_key = read_key(ca.key());
  CHECK(X509_verify(cert.get(), ca_key.get()) == 1);
  CHECK(common_name(X509_get_subject_name(cert.get())) == "leaf");
  CHECK(common_name(X509_get_issuer_name(cert.get())) == "ca");
  CHECK(X509_check_ca(cert.get()) == 0);
  CHECK(X509_get_key_usage(cert.get()) == (KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT));
  CHECK(validity_days(cert.get()) == 30);
  CHECK(X509_get0_subject_key_id(cert.get()) == nullptr);  // Go 1.19 adds it to CAs only
  REQUIRE(X509_get0_authority_key_id(cert.get()) != nullptr);
  CHECK(ASN1_OCTET_STRING_cmp(X509_get0_authority_key_id(cert.get()), X509_get0_subject_key_id(ca_cert.get())) == 0);
  // DNS names first, then IPs; IPv4 and IPv4-mapped addresses in 4 bytes, as Go encodes them.
  std::vector<std::string> want = {"DNS:svc.example.com", "DNS:*.example.com", "IP:10.0.0.1", "IP:16 bytes",
                                   "IP:192.168.1.1"};
  CHECK(sans(cert.get()) == want);
  std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), &X509_STORE_free);
  X509_STORE_add_cert(store.get(), ca_cert.get());
  std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> sctx(X509_STORE_CTX_new(), &X509_STORE_CTX_free);
  X509_STORE_CTX_init(sctx.get(), store.get(), cert.get(), nullptr);
  CHECK(X509_verify_cert(sctx.get()) == 1);
}

TEST_CASE("the WithKey variants keep the key type, and Go's keys and CA are accepted") {
  StubContext ctx;
  Value ec_value = call(ctx, "genSelfSignedCertWithKey",
                        {Value("ec"), Value::list({}), Value::list({Value("a.b")}), Value::integer(1), Value(kGoEcKey)});
  const auto& ec = as_cert(ec_value);
  X509Ptr ec_cert = read_cert(ec.cert());
  REQUIRE(ec_cert != nullptr);
  CHECK(ec.key() == kGoEcKey);  // re-encoded as SEC1: byte-identical to Go's
  CHECK(X509_get_signature_nid(ec_cert.get()) == NID_ecdsa_with_SHA256);
  CHECK(X509_check_ca(ec_cert.get()) == 0);

  Value ed_value = call(ctx, "genCAWithKey", {Value("ed"), Value::integer(2), Value(kGoEd25519Key)});
  const auto& ed = as_cert(ed_value);
  CHECK(ed.key() == kGoEd25519Key);
  X509Ptr ed_cert = read_cert(ed.cert());
  REQUIRE(ed_cert != nullptr);
  CHECK(X509_get_signature_nid(ed_cert.get()) == NID_ED25519);

  Value go_ca = call(ctx, "buildCustomCert", {Value(base64_encode(kGoCaCert)), Value(base64_encode(kGoCaKey))});
  CHECK(as_cert(go_ca).cert() == kGoCaCert);
  Value leaf_value = call(ctx, "genSignedCertWithKey",
                          {Value("leaf"), Value::list({}), Value::list({}), Value::integer(5), go_ca, Value(kGoEcKey)});
  const auto& leaf = as_cert(leaf_value);
  X509Ptr leaf_cert = read_cert(leaf.cert()), ca_cert = read_cert(kGoCaCert);
  CHECK(X509_verify(leaf_cert.get(), X509_get0_pubkey(ca_cert.get())) == 1);
  CHECK(common_name(X509_get_issuer_name(leaf_cert.get())) == "Go CA");
}

TEST_CASE("certificate and key errors use Sprig's wording") {
  StubContext ctx;
  std::string dsa = call(ctx, "genPrivateKey", {Value("dsa")}).as_string();
  Value ca = call(ctx, "genCA", {Value("x"), Value::integer(3)});
  const std::string ca_b64 = base64_encode(as_cert(ca).cert());
  Value none = Value::list({});
  // Each expectation is Go's message after "error calling NAME: ".
  CHECK(error_of(ctx, "genCAWithKey", {Value("x"), Value::integer(3), Value(dsa)}) ==
        "error creating certificate: x509: certificate private key does not implement crypto.Signer");
  CHECK(error_of(ctx, "genSignedCertWithKey", {Value("y"), none, none, Value::integer(3), ca, Value(dsa)}) ==
        "error creating certificate: x509: unsupported public key type: *dsa.PublicKey");
  CHECK(error_of(ctx, "genCAWithKey", {Value("x"), Value::integer(3), Value("junk")}) ==
        "parsing private key: no PEM data in input");
  CHECK(error_of(ctx, "genCAWithKey",
                 {Value("x"), Value::integer(3), Value("-----BEGIN FOO-----\nYWJj\n-----END FOO-----\n")}) ==
        "parsing private key: no private key data in PEM block of type FOO");
  CHECK(error_of(ctx, "genCAWithKey",
                 {Value("x"), Value::integer(3),
                  Value("-----BEGIN X PRIVATE KEY-----\nYWJj\n-----END X PRIVATE KEY-----\n")}) ==
        "parsing private key: invalid private key type X PRIVATE KEY");
  CHECK(error_of(ctx, "genSelfSignedCert",
                 {Value("x"), Value::list({Value("1.2.3.4"), Value("zz")}), Value(), Value::integer(3)}) ==
        "error parsing ip: zz");
  CHECK(error_of(ctx, "genSelfSignedCert", {Value("x"), Value::list({Value::integer(1)}), Value(), Value::integer(3)}) ==
        "error parsing ip: 1 is not a string");
  CHECK(error_of(ctx, "genSelfSignedCert", {Value("x"), Value(), Value::list({Value::integer(1)}), Value::integer(3)}) ==
        "error processing alternate dns name: 1 is not a string");
  CHECK(error_of(ctx, "buildCustomCert", {Value("a"), Value("b")}) == "unable to decode base64 certificate");
  CHECK(error_of(ctx, "buildCustomCert", {Value("YWJj"), Value("YWJj")}) == "unable to decode certificate");
  CHECK(error_of(ctx, "buildCustomCert", {Value(ca_b64), Value("YWJj")}) ==
        "error parsing private key: no PEM data in input");
  CHECK(error_of(ctx, "buildCustomCert",
                 {Value(base64_encode("-----BEGIN CERTIFICATE-----\nYWJj\n-----END CERTIFICATE-----\n")),
                  Value(base64_encode(as_cert(ca).key()))}) ==
        "error parsing certificate: decodedCert.Bytes: x509: malformed certificate");
  CHECK(error_of(ctx, "genSignedCert", {Value("y"), none, none, Value::integer(3), Value("s")}) ==
        "wrong type for value; expected sprig.certificate; got string");
}
