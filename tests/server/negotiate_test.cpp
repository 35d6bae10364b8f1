#include "server/negotiate.hpp"

#include <gtest/gtest.h>

namespace quiver::server {
namespace {

const std::vector<std::string> kOffers{"application/sparql-results+json",
                                       "application/sparql-results+xml", "text/csv",
                                       "application/xml"};

TEST(Negotiate, NoHeaderTakesTheFirstOffer) {
  EXPECT_EQ(negotiate("", kOffers), "application/sparql-results+json");
  EXPECT_EQ(negotiate("*/*", kOffers), "application/sparql-results+json");
}

TEST(Negotiate, QValuesDecide) {
  EXPECT_EQ(negotiate("application/sparql-results+json;q=0.5, text/csv", kOffers), "text/csv");
  EXPECT_EQ(negotiate("text/csv;q=0.1, application/sparql-results+xml;q=0.9", kOffers),
            "application/sparql-results+xml");
}

TEST(Negotiate, SpecificRangesBeatWildcardsAtEqualQ) {
  EXPECT_EQ(negotiate("*/*, application/sparql-results+xml", kOffers),
            "application/sparql-results+xml");
  EXPECT_EQ(negotiate("text/*", kOffers), "text/csv");
}

TEST(Negotiate, BrowsersGetXml) {
  EXPECT_EQ(negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", kOffers),
            "application/xml");
}

TEST(Negotiate, NothingAcceptableIsNullopt) {
  EXPECT_EQ(negotiate("image/png", kOffers), std::nullopt);
  EXPECT_EQ(negotiate("text/csv;q=0", kOffers), std::nullopt);
}

TEST(Negotiate, CaseAndSpacesDoNotMatter) {
  EXPECT_EQ(negotiate("  TEXT/CSV ; Q=1 ", kOffers), "text/csv");
}

}  // namespace
}  // namespace quiver::server
