#pragma once
/// @file
/// A small result-or-error type (std::expected arrives with C++23).

#include <utility>
#include <variant>

#include "util/error.hpp"

namespace quiver {

/// Holds either a value of type T or an Error.
template <class T>
class Expected {
 public:
  /// A success holding `value`; implicit, so a function can `return value;`.
  Expected(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  /// A failure holding `error`; implicit, so a function can `return error;`.
  Expected(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  /// True when a value is held.
  bool ok() const { return v_.index() == 0; }
  /// Same as ok(), for `if (auto r = f())`.
  explicit operator bool() const { return ok(); }
  /// The value; only valid when ok().
  T& value() { return std::get<0>(v_); }
  /// The value; only valid when ok().
  const T& value() const { return std::get<0>(v_); }
  /// The value; only valid when ok().
  T& operator*() { return value(); }
  /// The value; only valid when ok().
  const T& operator*() const { return value(); }
  /// Member access on the value; only valid when ok().
  T* operator->() { return &value(); }
  /// Member access on the value; only valid when ok().
  const T* operator->() const { return &value(); }
  /// The error; only valid when !ok().
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// Success or an Error, for operations without a value.
class Status {
 public:
  /// A success.
  Status() = default;
  /// A failure holding `error`; implicit, so a function can `return error;`.
  Status(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT
  /// True on success.
  bool ok() const { return !failed_; }
  /// Same as ok(), for `if (auto s = f())`.
  explicit operator bool() const { return ok(); }
  /// The error; only valid when !ok().
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace quiver
