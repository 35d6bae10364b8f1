#include "shacl/messages.hpp"

#include <string>

namespace quiver::shacl {
namespace {

std::string show(const Term& t) { return t.to_ntriples(); }

std::string values(std::uint64_t n) { return std::to_string(n) + (n == 1 ? " value" : " values"); }

std::string shapes_of(const Shapes& shapes, const Constraint& c) {
  std::string out;
  for (ShapeIndex s : c.shapes) out += (out.empty() ? "" : ", ") + show(shapes.shapes[s].node);
  return out;
}

}  // namespace

Term default_message(const Shapes& shapes, const Constraint& c, const DataGraph& data,
                     TermId value) {
  const std::string v = value != kAnyTerm ? show(Term(data.term(value))) : std::string("the value");
  const std::string node = c.node != kAnyTerm ? show(Term(data.term(c.node))) : std::string();
  std::string text;
  switch (c.component) {
    case Component::Class:
      text = v + " is not an instance of " + node;
      break;
    case Component::Datatype:
      text = v + " is not a well-formed literal of datatype " + node;
      break;
    case Component::NodeKind:
      text = v + " is not of node kind " + show(c.term);
      break;
    case Component::MinCount:
      text = "needs at least " + values(*c.min);
      break;
    case Component::MaxCount:
      text = "allows at most " + values(*c.max);
      break;
    case Component::MinExclusive:
      text = v + " is not greater than " + show(c.term);
      break;
    case Component::MinInclusive:
      text = v + " is less than " + show(c.term);
      break;
    case Component::MaxExclusive:
      text = v + " is not less than " + show(c.term);
      break;
    case Component::MaxInclusive:
      text = v + " is greater than " + show(c.term);
      break;
    case Component::MinLength:
      text = v + " is shorter than " + std::to_string(*c.min) + " characters";
      break;
    case Component::MaxLength:
      text = v + " is longer than " + std::to_string(*c.max) + " characters";
      break;
    case Component::Pattern:
      text = v + " does not match the pattern " + show(c.term);
      break;
    case Component::LanguageIn:
      text = v + " has no language tag of the allowed ones";
      break;
    case Component::UniqueLang:
      text = "more than one value has the same language tag";
      break;
    case Component::Equals:
      text = v + " is not a value of both the path and " + node;
      break;
    case Component::Disjoint:
      text = v + " is also a value of " + node;
      break;
    case Component::LessThan:
      text = v + " is not less than every value of " + node;
      break;
    case Component::LessThanOrEquals:
      text = v + " is greater than a value of " + node;
      break;
    case Component::Not:
      text = v + " conforms to " + shapes_of(shapes, c) + ", which it must not";
      break;
    case Component::And:
      text = v + " does not conform to all of " + shapes_of(shapes, c);
      break;
    case Component::Or:
      text = v + " conforms to none of " + shapes_of(shapes, c);
      break;
    case Component::Xone:
      text = v + " does not conform to exactly one of " + shapes_of(shapes, c);
      break;
    case Component::Node:
      text = v + " does not conform to " + shapes_of(shapes, c);
      break;
    case Component::Property:
      text = v + " does not conform to the property shape";
      break;
    case Component::QualifiedMinCount:
      text = "needs at least " + values(*c.min) + " conforming to " + shapes_of(shapes, c);
      break;
    case Component::QualifiedMaxCount:
      text = "allows at most " + values(*c.max) + " conforming to " + shapes_of(shapes, c);
      break;
    case Component::Closed:
      text = v + " is the value of a property the closed shape does not allow";
      break;
    case Component::HasValue:
      text = "the value " + show(c.term) + " is missing";
      break;
    case Component::In:
      text = v + " is not one of the allowed values";
      break;
    case Component::Sparql:
      text = "the SPARQL constraint " + show(shapes.sparql[c.sparql].node) + " reports " + v;
      break;
  }
  return Term::literal(text);
}

}  // namespace quiver::shacl
