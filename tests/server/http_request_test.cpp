#include "server/http_request.hpp"

#include <gtest/gtest.h>

#include <string>

namespace quiver::server {
namespace {

constexpr std::size_t kMax = 1024;

HeadParse parse(std::string_view text) { return parse_head(text, kMax); }

TEST(HttpRequestTest, ACompleteHeadWithItsFields) {
  const std::string text =
      "\r\nPOST /sparql?x=1 HTTP/1.1\r\nHost: example.org\r\nAccept: text/csv\r\n"
      "accept:  application/json \r\nContent-Length: 5\r\n\r\nhello";
  const HeadParse p = parse(text);
  ASSERT_EQ(p.status, HeadParse::Status::Complete);
  EXPECT_EQ(p.head.method, "POST");
  EXPECT_EQ(p.head.target, "/sparql?x=1");
  EXPECT_EQ(p.head.minor_version, 1);
  EXPECT_EQ(p.head.field("accept"), "text/csv, application/json");
  EXPECT_EQ(p.head.size, text.size() - 5);
  EXPECT_TRUE(p.head.keep_alive());
  const FramingParse f = body_framing(p.head);
  ASSERT_TRUE(f.ok);
  EXPECT_EQ(f.framing.kind, BodyFraming::Kind::Length);
  EXPECT_EQ(f.framing.length, 5u);
}

TEST(HttpRequestTest, BareLineFeedsEndAHeadToo) {
  const HeadParse p = parse("GET / HTTP/1.0\nConnection: keep-alive\n\n");
  ASSERT_EQ(p.status, HeadParse::Status::Complete);
  EXPECT_EQ(p.head.minor_version, 0);
  EXPECT_TRUE(p.head.keep_alive());
  EXPECT_FALSE(parse("GET / HTTP/1.0\r\n\r\n").head.keep_alive());
  EXPECT_FALSE(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, CLOSE\r\n\r\n")
                   .head.keep_alive());
}

TEST(HttpRequestTest, AnUnfinishedHeadWaitsUntilItPassesTheLimit) {
  EXPECT_EQ(parse("GET / HTTP/1.1\r\nHost: a\r\n").status, HeadParse::Status::Incomplete);
  const HeadParse endless = parse("GET / HTTP/1.1\r\nX: " + std::string(kMax, 'a'));
  ASSERT_EQ(endless.status, HeadParse::Status::Bad);
  EXPECT_EQ(endless.error.status, 431);
  const HeadParse long_complete =
      parse("GET / HTTP/1.1\r\nHost: a\r\nX: " + std::string(kMax, 'a') + "\r\n\r\n");
  EXPECT_EQ(long_complete.error.status, 431);
  std::string many = "GET / HTTP/1.1\r\nHost: a\r\n";
  for (int i = 0; i < 101; ++i) many += "X: 1\r\n";
  EXPECT_EQ(parse_head(many + "\r\n", 1 << 20).error.status, 431);
}

TEST(HttpRequestTest, MalformedHeadsAreRefusedWithTheirStatus) {
  for (const auto& [text, status] : std::vector<std::pair<std::string, int>>{
           {"GET /\r\n\r\n", 400},
           {"GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400},
           {"G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400},
           {"GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505},
           {"GET / HTTP/1.1\r\n\r\n", 400},                        // no Host
           {"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},  // two
           {"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400},
           {"GET / HTTP/1.1\r\nHost: a\r\nNo colon\r\n\r\n", 400},
           {"GET / HTTP/1.1\r\nHost: a\r\nBad name: x\r\n\r\n", 400},
           {"GET / HTTP/1.1\r\nHost: a\r\nX: a\x01z\r\n\r\n", 400},
       }) {
    const HeadParse p = parse(text);
    ASSERT_EQ(p.status, HeadParse::Status::Bad) << text;
    EXPECT_EQ(p.error.status, status) << text;
  }
}

TEST(HttpRequestTest, BodyFramingRefusesWhatCouldSmuggleARequest) {
  auto framing = [](std::string fields) {
    return body_framing(parse("POST / HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n").head);
  };
  EXPECT_EQ(framing("").framing.kind, BodyFraming::Kind::None);
  EXPECT_EQ(framing("Transfer-Encoding: Chunked\r\n").framing.kind, BodyFraming::Kind::Chunked);
  EXPECT_TRUE(framing("Content-Length: 3\r\nContent-Length: 3\r\n").ok);
  for (const char* bad :
       {"Content-Length: 3\r\nContent-Length: 4\r\n",
        "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", "Content-Length: -1\r\n",
        "Content-Length: 1e3\r\n", "Content-Length: 99999999999999999999\r\n"}) {
    const FramingParse f = framing(bad);
    EXPECT_FALSE(f.ok) << bad;
    EXPECT_EQ(f.error.status, 400) << bad;
  }
  EXPECT_EQ(framing("Transfer-Encoding: gzip, chunked\r\n").error.status, 501);
}

TEST(HttpRequestTest, ChunkedBodiesDecodeAsTheyArrive) {
  const std::string encoded =
      "4;ext=1\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX: t\r\n\r\nNEXT";
  // Fed a byte at a time, as a slow client sends it.
  ChunkedBody decoder;
  std::string body, pending;
  ChunkedBody::Status status = ChunkedBody::Status::Incomplete;
  std::size_t i = 0;
  for (; i < encoded.size() && status == ChunkedBody::Status::Incomplete; ++i) {
    pending += encoded[i];
    status = decoder.feed(pending, body, 1000);
    pending.erase(0, decoder.consumed());
  }
  ASSERT_EQ(status, ChunkedBody::Status::Done);
  EXPECT_EQ(body, "Wikipedia in\r\n\r\nchunks.");
  EXPECT_EQ(encoded.substr(i), "NEXT") << "what follows the body is left for the next request";
}

TEST(HttpRequestTest, ChunkedBodiesStopAtTheLimitAndAtBadFraming) {
  ChunkedBody large;
  std::string body;
  EXPECT_EQ(large.feed("10\r\n", body, 15), ChunkedBody::Status::TooLarge);
  ChunkedBody endless;
  EXPECT_EQ(endless.feed("ffffffffffffffffff\r\n", body, 15), ChunkedBody::Status::Bad);
  ChunkedBody no_crlf;
  EXPECT_EQ(no_crlf.feed("1\r\nab", body, 15), ChunkedBody::Status::Bad);
  ChunkedBody not_hex;
  EXPECT_EQ(not_hex.feed("xyz\r\n", body, 15), ChunkedBody::Status::Bad);
  ChunkedBody long_line;
  EXPECT_EQ(long_line.feed("1;" + std::string(5000, 'e'), body, 15), ChunkedBody::Status::Bad);
}

TEST(HttpRequestTest, TargetsSplitIntoADecodedPathAndTheQuery) {
  std::string path;
  std::string_view query;
  ASSERT_TRUE(split_target("/a%20b/c?x=1&y=%20", path, query));
  EXPECT_EQ(path, "/a b/c");
  EXPECT_EQ(query, "x=1&y=%20");
  ASSERT_TRUE(split_target("http://host:1/sparql?q", path, query));
  EXPECT_EQ(path, "/sparql");
  EXPECT_EQ(query, "q");
  ASSERT_TRUE(split_target("http://host?q", path, query));
  EXPECT_EQ(path, "/");
  EXPECT_EQ(query, "q");
  ASSERT_TRUE(split_target("*", path, query));
  EXPECT_EQ(path, "*");
  EXPECT_FALSE(split_target("/a%00b", path, query));
  EXPECT_FALSE(split_target("/a%zz", path, query));
  EXPECT_FALSE(split_target("sparql", path, query));
}

}  // namespace
}  // namespace quiver::server
