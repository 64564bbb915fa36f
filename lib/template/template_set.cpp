// TemplateSet: Go's *template.Template namespace behind the public API (sparkc/template.h),
// and the Namespace it is built on (template/exec.h).
#include <algorithm>

#include "sparkc/template.h"
#include "template/exec.h"
#include "template/parser.h"

namespace sparkc::gotmpl {
namespace detail {

const Tree* Namespace::lookup(std::string_view name) const {
  for (const Namespace* ns = this; ns != nullptr; ns = ns->parent_) {
    auto it = ns->trees_.find(name);
    if (it != ns->trees_.end()) return it->second.get();
  }
  return nullptr;
}

// Go's associate: a template that is only white space and comments does not replace an
// existing one, so a file holding nothing but defines leaves an earlier same-named file alone.
void Namespace::add(std::shared_ptr<const Tree> tree) {
  if (lookup(tree->name) != nullptr && is_empty_tree(tree->root.get())) return;
  std::string name = tree->name;
  trees_.insert_or_assign(std::move(name), std::move(tree));
}

std::shared_ptr<const Tree> Namespace::parse(const std::string& name, std::string text) {
  auto source = std::make_shared<const std::string>(std::move(text));
  std::vector<std::unique_ptr<Tree>> trees;
  try {
    trees = parse_template(
        name, source, [this](std::string_view fn) { return funcs_->has(fn); }, ParseOptions{});
  } catch (const ParseError& e) {
    throw TemplateError(e.what(), e.name, e.line, 0, true);
  }
  std::shared_ptr<const Tree> top;
  for (auto& t : trees) {
    std::shared_ptr<const Tree> shared(std::move(t));
    if (!top) top = shared;
    add(std::move(shared));
  }
  return top;
}

std::vector<std::string> Namespace::names() const {
  std::vector<std::string> out;
  for (const Namespace* ns = this; ns != nullptr; ns = ns->parent_) {
    for (const auto& [name, tree] : ns->trees_) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace detail

struct TemplateSet::Impl {
  explicit Impl(const FunctionRegistry& funcs) : ns(funcs) {}
  detail::Namespace ns;
};

TemplateSet::TemplateSet(const FunctionRegistry& funcs) : impl_(std::make_unique<Impl>(funcs)) {}
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

void TemplateSet::parse(const std::string& name, std::string text) {
  impl_->ns.parse(name, std::move(text));
}

bool TemplateSet::has(std::string_view name) const { return impl_->ns.lookup(name) != nullptr; }

std::vector<std::string> TemplateSet::names() const { return impl_->ns.names(); }

std::string TemplateSet::execute(std::string_view name, const Value& data,
                                 const ExecOptions& opts) const {
  const Tree* tree = impl_->ns.lookup(name);
  if (tree == nullptr) detail::throw_no_template(name);
  std::string out;
  detail::execute_tree(impl_->ns, *tree, data, opts, out);
  return out;
}

}  // namespace sparkc::gotmpl
