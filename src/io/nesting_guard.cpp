#include "io/nesting_guard.hpp"

namespace quiver::io {

bool NestingGuard::feed(std::string_view page) {
  for (const char c : page) {
    if (c == '\n') {
      ++line_;
      column_ = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;  // columns count code points
    }
    switch (state_) {
      case State::Code:
        if (quotes_seen_ > 0 && c != quote_) {
          // One quote opened a short string, and this is its first
          // character; two were an empty one.
          const bool opened = quotes_seen_ == 1;
          quotes_seen_ = 0;
          if (opened) {
            short_string(c);
            break;
          }
        }
        if (c == '"' || c == '\'') {
          if (quotes_seen_ > 0 && c == quote_) {
            if (++quotes_seen_ == 3) {
              state_ = State::Long;
              quotes_seen_ = 0;
            }
          } else {
            quote_ = c;
            quotes_seen_ = 1;
          }
        } else if (c == '<') {
          state_ = State::Iri;
        } else if (c == '#') {
          state_ = State::Comment;
        } else if (c == '[' || c == '(') {
          if (++depth_ > kMaxDepth) return false;
        } else if ((c == ']' || c == ')') && depth_ > 0) {
          --depth_;
        }
        break;
      case State::Iri:
        if (c == '>') state_ = State::Code;
        break;
      case State::Comment:
        if (c == '\n' || c == '\r') state_ = State::Code;
        break;
      case State::Short:
        short_string(c);
        break;
      case State::Long:
        if (c == '\\') {
          before_escape_ = State::Long;
          quotes_seen_ = 0;
          state_ = State::Escape;
        } else if (c == quote_) {
          if (++quotes_seen_ == 3) {
            state_ = State::Code;
            quotes_seen_ = 0;
          }
        } else {
          quotes_seen_ = 0;
        }
        break;
      case State::Escape:
        state_ = before_escape_;
        break;
    }
  }
  return true;
}

void NestingGuard::short_string(char c) {
  if (c == '\\') {
    before_escape_ = State::Short;
    state_ = State::Escape;
  } else if (c == quote_ || c == '\n') {
    state_ = State::Code;
  } else {
    state_ = State::Short;
  }
}

}  // namespace quiver::io
