#include "server/http_server.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <new>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/form.hpp"
#include "server/http_request.hpp"
#include "util/ascii.hpp"

namespace quiver::server {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxHeadBytes = 64 << 10;
constexpr std::size_t kReadBytes = 64 << 10;
// After a response that closes the connection, what the client still sends
// is read and dropped this long, so that its unread bytes do not make the
// kernel reset the connection before the client has read the response.
constexpr auto kLinger = std::chrono::seconds(2);

/// A file descriptor, closed with its owner.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(Fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = other.fd_;
      other.fd_ = -1;
    }
    return *this;
  }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

/// Where a connection is: reading a request's head or body, waiting for a
/// worker's answer, writing it, or dropping input before it closes.
enum class Phase { Head, Body, Working, Writing, Draining };

struct Connection {
  Fd fd;
  std::uint64_t serial = 0;  // tells a reused descriptor number apart
  Phase phase = Phase::Head;
  bool idle = true;  // Head, nothing of the request received yet
  std::string in;    // received, not yet taken by a request
  RequestHead head;
  BodyFraming framing;
  ChunkedBody chunked;
  std::string body;
  std::size_t reserved = 0;  // body bytes counted against the server's budget
  std::string out;
  std::size_t written = 0;
  bool close_after = false;
  bool gone = false;  // the peer hung up while its answer was being made
  Clock::time_point deadline;
};

/// A request read whole, for a worker.
struct Job {
  int fd = -1;
  std::uint64_t serial = 0;
  Call call;
  bool head_only = false;  // HEAD: the answer's headers without its body
  bool keep_alive = true;
  int minor_version = 1;
};

/// A worker's answer, for the event loop to write.
struct Answer {
  int fd = -1;
  std::uint64_t serial = 0;
  std::string response;
  bool close = false;
  std::size_t written = 0;  // bytes the worker already sent
};

// What a worker sends of its answer at once, without blocking: the client
// has it before the event loop even wakes, which on a virtual machine's
// idle core is a tenth of a millisecond or more. The loop sends the rest,
// and sees any failure itself. The descriptor is the loop's, but it does
// not touch it while a worker has the request (Phase::Working), nor close
// it before the workers are joined.
std::size_t send_now(int fd, const std::string& response) {
  std::size_t sent = 0;
  while (sent < response.size()) {
    const ssize_t n =
        ::send(fd, response.data() + sent, response.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  return sent;
}

// Header values come from the service; a line break in one would split
// the response (header injection), so none passes.
void append_field(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  for (const char c : value) out += (c == '\r' || c == '\n') ? ' ' : c;
  out += "\r\n";
}

std::string serialize(const Reply& reply, bool head_only, bool close, bool http10_keep_alive) {
  std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " ";
  out += reason_phrase(reply.status);
  out += "\r\n";
  const std::string_view body = reply.content_type.empty() ? std::string_view() : reply.body;
  if (!reply.content_type.empty()) append_field(out, "Content-Type", reply.content_type);
  for (const auto& [name, value] : reply.headers) append_field(out, name, value);
  if (reply.status != 204 && reply.status >= 200) {
    append_field(out, "Content-Length", std::to_string(body.size()));
  }
  if (close) {
    append_field(out, "Connection", "close");
  } else if (http10_keep_alive) {
    append_field(out, "Connection", "keep-alive");
  }
  out += "\r\n";
  if (!head_only) out += body;
  return out;
}

Call to_call(const RequestHead& head, std::string path, std::string_view query, std::string body) {
  Call call;
  call.method = head.method;
  call.path = std::move(path);
  call.accept = head.field("accept");
  call.content_type = head.field("content-type");
  call.host = head.field("host");
  call.origin = head.field("origin");
  call.params = http::form_fields(query);
  if (head.method == "POST" &&
      media_type(call.content_type) == "application/x-www-form-urlencoded") {
    auto fields = http::form_fields(body);
    call.params.insert(call.params.end(), fields.begin(), fields.end());
  }
  call.body = std::move(body);
  return call;
}

}  // namespace

struct HttpServer::Impl {
  Impl(Service& s, HttpOptions o) : service(s), options(std::move(o)) {
    if (options.threads < 1) options.threads = 1;
    if (options.max_connections < 1) options.max_connections = 1;
    if (options.client_timeout <= std::chrono::milliseconds(0)) {
      options.client_timeout = std::chrono::seconds(10);
    }
    // Bodies held at once: two of the largest allowed, so that one large
    // upload never locks out a second, and many cannot take the memory.
    budget = options.max_request_bytes > (SIZE_MAX / 2) ? SIZE_MAX : options.max_request_bytes * 2;
  }

  Service& service;
  HttpOptions options;
  Fd listener, wake, poller;
  std::atomic<bool> stop_requested{false};
  std::unordered_map<int, std::unique_ptr<Connection>> connections;
  std::uint64_t next_serial = 1;
  std::size_t budget = 0, budget_used = 0;

  // The workers' side: requests in, answers out.
  std::mutex mutex;
  std::condition_variable work_ready;
  std::deque<Job> jobs;
  std::vector<Answer> answers;
  bool workers_stop = false;

  void wake_loop() {
    const std::uint64_t one = 1;
    if (wake.valid()) {
      [[maybe_unused]] auto n = ::write(wake.get(), &one, sizeof one);
    }
  }

  void watch(Connection& c, std::uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = c.fd.get();
    ::epoll_ctl(poller.get(), EPOLL_CTL_MOD, c.fd.get(), &ev);
  }

  void release_budget(Connection& c) {
    budget_used -= c.reserved;
    c.reserved = 0;
  }

  void close(Connection& c) {
    release_budget(c);
    ::epoll_ctl(poller.get(), EPOLL_CTL_DEL, c.fd.get(), nullptr);
    connections.erase(c.fd.get());  // closes the descriptor
  }

  void accept_all() {
    for (;;) {
      const int fd = ::accept4(listener.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN, or out of descriptors: the next round tries again
      Fd owned(fd);
      if (connections.size() >= static_cast<std::size_t>(options.max_connections) && !evict_one()) {
        refuse(fd);
        continue;
      }
      const int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto c = std::make_unique<Connection>();
      c->fd = std::move(owned);
      c->serial = next_serial++;
      c->deadline = Clock::now() + options.client_timeout;
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.fd = fd;
      if (::epoll_ctl(poller.get(), EPOLL_CTL_ADD, fd, &ev) != 0) continue;
      connections.emplace(fd, std::move(c));
    }
  }

  // At the connection cap, a connection without a request under way makes
  // room: one lingering after its last answer, else the oldest that has
  // sent nothing (its bytes not even waiting in the socket), else the
  // oldest still sending its head. A flood of connections that send
  // nothing, or slowly, then only churns itself and never locks out a
  // client that sends its request at once.
  bool evict_one() {
    std::vector<Connection*> waiting;
    for (const auto& [fd, c] : connections) {
      if (c->phase == Phase::Draining) {
        close(*c);
        return true;
      }
      if (c->phase == Phase::Head) waiting.push_back(c.get());
    }
    std::sort(waiting.begin(), waiting.end(),
              [](const Connection* a, const Connection* b) { return a->serial < b->serial; });
    for (Connection* c : waiting) {
      char byte;
      // Nothing waiting, or only the peer's end (a flood's connections
      // are handed over when they close).
      const bool sent_nothing =
          c->idle && ::recv(c->fd.get(), &byte, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
      if (sent_nothing) {
        close(*c);
        return true;
      }
    }
    for (Connection* c : waiting) {
      if (!c->idle) {
        close(*c);
        return true;
      }
    }
    return false;
  }

  // No room at all: every connection has a request under way. Answered
  // without blocking, and what the client already sent is read first, so
  // that closing does not reset the connection before the answer is read.
  static void refuse(int fd) {
    static constexpr std::string_view kBusy =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Retry-After: 1\r\nContent-Length: 42\r\nConnection: close\r\n\r\n"
        "too many connections (--max-connections)\n";
    char buf[4096];
    while (::recv(fd, buf, sizeof buf, MSG_DONTWAIT) > 0) {
    }
    [[maybe_unused]] auto n = ::send(fd, kBusy.data(), kBusy.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
  }

  // Reads what is there; false when the peer is gone (the connection is closed).
  bool read_from(Connection& c) {
    char buf[kReadBytes];
    for (;;) {
      // What is received is taken in bounded helpings: a head may not grow
      // past its limit, nor a chunked body's undecoded text.
      if (c.phase == Phase::Head && c.in.size() > kMaxHeadBytes) return true;
      if (c.phase == Phase::Body && c.framing.kind == BodyFraming::Kind::Chunked &&
          c.in.size() >= 4 * kReadBytes) {
        return true;
      }
      const ssize_t n = ::recv(c.fd.get(), buf, sizeof buf, 0);
      if (n > 0) {
        if (c.phase != Phase::Draining) c.in.append(buf, static_cast<std::size_t>(n));
        if (c.phase == Phase::Body) c.deadline = Clock::now() + options.client_timeout;
        if (c.phase == Phase::Body && c.framing.kind != BodyFraming::Kind::Chunked &&
            c.in.size() >= c.framing.length) {
          return true;
        }
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
      close(c);  // the peer closed, or the connection failed
      return false;
    }
  }

  void respond(Connection& c, int status, const std::string& message) {
    Reply reply = text_reply(status, message + "\n");
    if (status == 503) reply.headers.emplace_back("Retry-After", "1");
    release_budget(c);
    start_writing(c, serialize(reply, false, true, false), true);
  }

  void start_writing(Connection& c, std::string response, bool close_after,
                     std::size_t written = 0) {
    c.out = std::move(response);
    c.written = written;
    c.close_after = close_after;
    c.phase = Phase::Writing;
    c.deadline = Clock::now() + options.client_timeout;
    write_to(c);
  }

  void write_to(Connection& c) {
    while (c.written < c.out.size()) {
      const ssize_t n =
          ::send(c.fd.get(), c.out.data() + c.written, c.out.size() - c.written, MSG_NOSIGNAL);
      if (n > 0) {
        c.written += static_cast<std::size_t>(n);
        c.deadline = Clock::now() + options.client_timeout;
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        watch(c, EPOLLOUT);
        return;
      }
      close(c);
      return;
    }
    c.out = {};
    if (c.close_after) {
      ::shutdown(c.fd.get(), SHUT_WR);
      c.phase = Phase::Draining;
      c.in = {};
      c.deadline = Clock::now() + kLinger;
      watch(c, EPOLLIN);
      return;
    }
    c.phase = Phase::Head;
    c.idle = true;
    c.head = {};
    c.framing = {};
    c.chunked = {};
    c.deadline = Clock::now() + options.client_timeout;
    watch(c, EPOLLIN);
    advance(c);  // a request pipelined behind the last one is already here
  }

  // Takes as much of the request as has arrived.
  void advance(Connection& c) {
    if (c.phase == Phase::Head) {
      if (c.in.empty()) return;
      if (c.idle) {
        c.idle = false;
        // The whole head must come within the timeout of its first byte:
        // a client sending a byte now and then holds no slot for ever.
        c.deadline = Clock::now() + options.client_timeout;
      }
      HeadParse parsed = parse_head(c.in, kMaxHeadBytes);
      if (parsed.status == HeadParse::Status::Incomplete) return;
      if (parsed.status == HeadParse::Status::Bad) {
        respond(c, parsed.error.status, parsed.error.message);
        return;
      }
      c.head = std::move(parsed.head);
      c.in.erase(0, c.head.size);
      const FramingParse framing = body_framing(c.head);
      if (!framing.ok) {
        respond(c, framing.error.status, framing.error.message);
        return;
      }
      c.framing = framing.framing;
      c.body.clear();
      if (c.framing.kind == BodyFraming::Kind::Length) {
        if (c.framing.length > options.max_request_bytes) {
          respond(c, 413,
                  "the request body is larger than this server's limit (--max-request-bytes)");
          return;
        }
        if (!reserve(c, static_cast<std::size_t>(c.framing.length))) return;
      }
      if (c.framing.kind != BodyFraming::Kind::None && c.in.empty() &&
          equal_ignore_case(c.head.field("expect"), "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        [[maybe_unused]] auto n =
            ::send(c.fd.get(), kContinue.data(), kContinue.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      }
      c.phase = Phase::Body;
      c.deadline = Clock::now() + options.client_timeout;
    }
    if (c.phase != Phase::Body) return;
    switch (c.framing.kind) {
      case BodyFraming::Kind::None:
        break;
      case BodyFraming::Kind::Length: {
        const auto length = static_cast<std::size_t>(c.framing.length);
        if (c.in.size() < length) return;
        c.body.assign(c.in, 0, length);
        c.in.erase(0, length);
        break;
      }
      case BodyFraming::Kind::Chunked: {
        const auto status = c.chunked.feed(c.in, c.body, options.max_request_bytes);
        c.in.erase(0, c.chunked.consumed());
        if (status == ChunkedBody::Status::TooLarge) {
          respond(c, 413,
                  "the request body is larger than this server's limit (--max-request-bytes)");
          return;
        }
        if (status == ChunkedBody::Status::Bad) {
          respond(c, 400, "malformed chunked body");
          return;
        }
        if (c.body.size() > c.reserved && !reserve(c, c.body.size() - c.reserved)) return;
        if (status == ChunkedBody::Status::Incomplete) return;
        break;
      }
    }
    dispatch(c);
  }

  // Counts `bytes` more of `c`'s body against the budget; answers 503 when
  // the budget is spent.
  bool reserve(Connection& c, std::size_t bytes) {
    if (bytes > budget - budget_used) {
      respond(c, 503, "the server is receiving other large requests; try again");
      return false;
    }
    budget_used += bytes;
    c.reserved += bytes;
    return true;
  }

  void dispatch(Connection& c) {
    std::string path;
    std::string_view query;
    if (!split_target(c.head.target, path, query)) {
      respond(c, 400, "malformed request target");
      return;
    }
    Job job;
    job.fd = c.fd.get();
    job.serial = c.serial;
    job.head_only = c.head.method == "HEAD";
    job.keep_alive = c.head.keep_alive() && !stop_requested.load();
    job.minor_version = c.head.minor_version;
    job.call = to_call(c.head, std::move(path), query, std::move(c.body));
    c.body = {};
    c.phase = Phase::Working;
    watch(c, 0);  // nothing is read while the answer is made
    {
      std::lock_guard lock(mutex);
      jobs.push_back(std::move(job));
    }
    work_ready.notify_one();
  }

  void take_answers() {
    std::uint64_t count;
    [[maybe_unused]] auto n = ::read(wake.get(), &count, sizeof count);
    std::vector<Answer> ready;
    {
      std::lock_guard lock(mutex);
      ready.swap(answers);
    }
    for (Answer& a : ready) {
      const auto it = connections.find(a.fd);
      if (it == connections.end() || it->second->serial != a.serial) continue;
      Connection& c = *it->second;
      release_budget(c);
      if (c.gone) {
        connections.erase(it);
        continue;
      }
      start_writing(c, std::move(a.response), a.close, a.written);
    }
  }

  void worker() {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mutex);
        work_ready.wait(lock, [&] { return workers_stop || !jobs.empty(); });
        if (workers_stop) return;
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      Answer answer{job.fd, job.serial, {}, !job.keep_alive};
      try {
        Reply reply;
        try {
          reply = service.handle(job.call);
        } catch (const std::bad_alloc&) {
          reply = text_reply(500, "out of memory\n");
        } catch (const std::exception& e) {
          reply = text_reply(500, std::string(e.what()) + "\n");
        }
        answer.response =
            serialize(reply, job.head_only, answer.close, job.minor_version == 0 && job.keep_alive);
      } catch (const std::bad_alloc&) {
        answer.response =
            "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
            "Connection: close\r\n\r\n";
        answer.close = true;
      }
      answer.written = send_now(job.fd, answer.response);
      {
        std::lock_guard lock(mutex);
        answers.push_back(std::move(answer));
      }
      wake_loop();
    }
  }

  // Connections past their deadline: an idle keep-alive one is closed, a
  // request that does not arrive in time gets 408, a response the client
  // does not read is dropped.
  void expire() {
    const auto now = Clock::now();
    std::vector<int> late;
    for (const auto& [fd, c] : connections) {
      if (c->phase != Phase::Working && c->deadline < now) late.push_back(fd);
    }
    for (const int fd : late) {
      Connection& c = *connections.at(fd);
      if ((c.phase == Phase::Head && !c.idle) || c.phase == Phase::Body) {
        respond(c, 408, "the request did not arrive within the client timeout");
      } else {
        close(c);
      }
    }
  }

  void drop(int fd) {
    const auto it = connections.find(fd);
    if (it == connections.end()) return;
    if (it->second->phase == Phase::Working) {
      ::epoll_ctl(poller.get(), EPOLL_CTL_DEL, fd, nullptr);
      it->second->gone = true;
    } else {
      close(*it->second);
    }
  }

  void on_event(int fd, std::uint32_t events) {
    const auto it = connections.find(fd);
    if (it == connections.end()) return;
    Connection& c = *it->second;
    switch (c.phase) {
      case Phase::Head:
      case Phase::Body:
        if (read_from(c)) advance(c);
        break;
      case Phase::Writing:
        if (events & (EPOLLERR | EPOLLHUP)) {
          close(c);
        } else {
          write_to(c);
        }
        break;
      case Phase::Draining:
        if (read_from(c) && (events & (EPOLLERR | EPOLLHUP))) close(c);
        break;
      case Phase::Working:
        // A peer that hangs up would be reported again and again until the
        // answer is made: stop watching it, and drop the answer when it comes.
        if (events & (EPOLLERR | EPOLLHUP)) {
          ::epoll_ctl(poller.get(), EPOLL_CTL_DEL, c.fd.get(), nullptr);
          c.gone = true;
        }
        break;
    }
  }

  void loop() {
    epoll_event events[64];
    while (!stop_requested.load()) {
      const int n = ::epoll_wait(poller.get(), events, 64, 200);
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        // Out of memory (--max-memory) while serving one connection ends
        // that connection, not the server.
        try {
          if (fd == listener.get()) {
            accept_all();
          } else if (fd == wake.get()) {
            take_answers();
          } else {
            on_event(fd, events[i].events);
          }
        } catch (const std::bad_alloc&) {
          drop(fd);
        }
      }
      try {
        expire();
      } catch (const std::bad_alloc&) {
        // the next round tries again, with what was freed meanwhile
      }
    }
  }
};

HttpServer::HttpServer(Service& service, HttpOptions options)
    : impl_(std::make_unique<Impl>(service, std::move(options))) {}

HttpServer::~HttpServer() { stop(); }

Expected<int> HttpServer::bind() {
  Impl& s = *impl_;
  const std::string& host = s.options.bind;
  const std::string where =
      host + ":" + (s.options.port == 0 ? std::string("any port") : std::to_string(s.options.port));
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(s.options.port);
  if (::getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0 || found == nullptr) {
    return Error("cannot listen on " + where + " (not an address of this machine)");
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    Fd fd(::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol));
    if (!fd.valid()) continue;
    const int one = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    // A connection is handed over only once its first bytes arrive (as
    // nginx's "deferred"): a flood of connections that send nothing waits
    // in the kernel instead of taking slots, and a client that sends its
    // request at once never holds a silent slot that the cap could take
    // from it. One that stays silent is handed over after about
    // --client-timeout, and then cut off like any other.
    const int defer_seconds = static_cast<int>(std::max<std::chrono::seconds::rep>(
        1, std::chrono::ceil<std::chrono::seconds>(s.options.client_timeout).count()));
    ::setsockopt(fd.get(), IPPROTO_TCP, TCP_DEFER_ACCEPT, &defer_seconds, sizeof defer_seconds);
    if (::bind(fd.get(), a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd.get(), SOMAXCONN) != 0) {
      continue;
    }
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&bound), &length);
    const int chosen = bound.ss_family == AF_INET6
                           ? ntohs(reinterpret_cast<const sockaddr_in6*>(&bound)->sin6_port)
                           : ntohs(reinterpret_cast<const sockaddr_in*>(&bound)->sin_port);
    s.listener = std::move(fd);
    s.wake = Fd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    s.poller = Fd(::epoll_create1(EPOLL_CLOEXEC));
    if (!s.wake.valid() || !s.poller.valid()) break;
    for (const int watched : {s.listener.get(), s.wake.get()}) {
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.fd = watched;
      ::epoll_ctl(s.poller.get(), EPOLL_CTL_ADD, watched, &ev);
    }
    return chosen;
  }
  if (s.options.port == 0) return Error("cannot listen on " + host + " (any port)");
  return Error("cannot listen on " + where + " (in use, or not an address of this machine)");
}

bool HttpServer::run() {
  Impl& s = *impl_;
  if (s.stop_requested.load()) return true;
  if (!s.listener.valid()) return false;
  std::vector<std::thread> workers;
  for (int i = 0; i < s.options.threads; ++i) workers.emplace_back([&s] { s.worker(); });
  s.loop();
  {
    std::lock_guard lock(s.mutex);
    s.workers_stop = true;
    s.jobs.clear();
  }
  s.work_ready.notify_all();
  for (auto& w : workers) w.join();
  s.connections.clear();
  s.listener.reset();
  return true;
}

void HttpServer::stop() {
  impl_->stop_requested.store(true);
  impl_->wake_loop();
}

}  // namespace quiver::server
