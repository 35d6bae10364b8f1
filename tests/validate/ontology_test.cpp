#include "validate/ontology.hpp"

#include <gtest/gtest.h>

#include <string>

namespace quiver::validate {
namespace {

const std::string kEx = "http://example.org/onto#";

class OntologyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto result = corpus_.add_file(QUIVER_SOURCE_DIR "/tests/validate/fixtures/ontology.ttl",
                                         Role::Ontology, {});
    ASSERT_TRUE(result.ok());
  }
  Corpus corpus_;
};

TEST_F(OntologyTest, DeclarationsAndBuiltins) {
  const Ontology ontology(corpus_);
  EXPECT_TRUE(ontology.declares_class(kEx + "Person"));
  EXPECT_TRUE(ontology.declares_class(kEx + "Employee"));  // rdfs:Class counts
  EXPECT_FALSE(ontology.declares_class(kEx + "worksFor"));
  EXPECT_TRUE(ontology.declares_class("http://www.w3.org/2002/07/owl#Thing"));
  EXPECT_TRUE(ontology.declares_property(kEx + "mainClaimant"));  // rdf:Property
  EXPECT_TRUE(ontology.declares_property(kEx + "note"));          // owl:AnnotationProperty
  EXPECT_TRUE(ontology.declares_property("http://www.w3.org/2000/01/rdf-schema#label"));
  EXPECT_FALSE(ontology.declares_property(kEx + "Person"));
  EXPECT_TRUE(ontology.is_datatype("http://www.w3.org/2001/XMLSchema#gYearMonth"));
  EXPECT_TRUE(ontology.is_datatype("http://www.w3.org/2000/01/rdf-schema#Literal"));
  EXPECT_FALSE(ontology.is_datatype(kEx + "Company"));
}

TEST_F(OntologyTest, HierarchiesAreTransitive) {
  const Ontology ontology(corpus_);
  EXPECT_TRUE(ontology.is_subclass_of(kEx + "Employee", kEx + "Agent"));
  EXPECT_TRUE(ontology.is_subclass_of(kEx + "Agent", kEx + "Agent"));
  EXPECT_TRUE(ontology.is_subclass_of(kEx + "Agent", "http://www.w3.org/2002/07/owl#Thing"));
  EXPECT_FALSE(ontology.is_subclass_of(kEx + "Agent", kEx + "Person"));
  // ex:leads inherits the domain and range of ex:worksFor.
  EXPECT_EQ(ontology.domains(kEx + "leads"), std::vector<std::string>{kEx + "Person"});
  EXPECT_EQ(ontology.ranges(kEx + "leads"), std::vector<std::string>{kEx + "Company"});
  EXPECT_TRUE(ontology.super_properties(kEx + "mainClaimant").contains(kEx + "claimant"));
}

TEST_F(OntologyTest, RequirementsComeFromRestrictions) {
  const Ontology ontology(corpus_);
  std::vector<std::string> required;
  for (const Requirement& r : ontology.requirements()) {
    EXPECT_EQ(r.class_iri, kEx + "Claim");
    required.push_back(r.property.substr(kEx.size()));
  }
  std::sort(required.begin(), required.end());
  // ex:note's restriction has a count of 0: not required.
  EXPECT_EQ(required, (std::vector<std::string>{"channel", "claimant", "sourceSentence"}));
  EXPECT_EQ(ontology.english_label(kEx + "Claim"), "claim");
}

}  // namespace
}  // namespace quiver::validate
