import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One attempt at using the port: opens it and reads it on a thread of its own until it is lost or
/// stopped, reporting what happens as a stream of ``Event``s.
///
/// Blocking `open`, `connect` and `poll` stay off the cooperative thread pool (two threads on small
/// machines); a self-pipe wakes the thread at once when the session is stopped.
final class PortSession: Sendable {
    /// What happened on the port.
    enum Event: Sendable, Equatable {
        /// The port is open; the text says how.
        case opened(String)
        /// Bytes arrived.
        case data([UInt8])
        /// The port could not be opened.
        case openFailed(PortFailure)
        /// The open port went away (unplugged, peer closed, read error).
        case lost(String)
    }

    private struct Pipe {
        var read: Int32
        var write: Int32
        var closed = false
        var stopped = false
    }

    private let pipe: Mutex<Pipe>
    /// The session's events; the stream ends when the session does.
    let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    /// Starts a session on its own thread; `chunkSize` bounds each read.
    init(transport: any PortTransport, chunkSize: Int = 4096) throws(PortFailure) {
        var fds: [Int32] = [-1, -1]
        guard Glibc.pipe(&fds) == 0 else {
            throw PortFailure(description: "cannot create a wake pipe: \(SystemErrorText.current())")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        }
        pipe = Mutex(Pipe(read: fds[0], write: fds[1]))
        // Bounded so a stalled consumer cannot grow memory without limit; a door line is never that fast.
        (events, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingOldest(4096))
        continuation.onTermination = { [weak self] _ in self?.stop() }
        let thread = Thread { [self] in self.serve(transport, chunkSize: chunkSize) }
        thread.name = "access-control \(transport.summary)"
        thread.start()
    }

    /// Stops the session: the thread closes the port and ends the stream promptly.
    func stop() {
        pipe.withLock { pipe in
            guard !pipe.closed, !pipe.stopped else { return }
            pipe.stopped = true
            var byte: UInt8 = 1
            _ = Glibc.write(pipe.write, &byte, 1)
        }
    }

    private var wakeDescriptor: Int32 { pipe.withLock { $0.read } }
    private var isStopped: Bool { pipe.withLock { $0.stopped } }

    private func serve(_ transport: any PortTransport, chunkSize: Int) {
        defer {
            continuation.finish()
            pipe.withLock { pipe in
                pipe.closed = true
                _ = Glibc.close(pipe.read)
                _ = Glibc.close(pipe.write)
            }
        }
        let wake = wakeDescriptor
        let port: any OpenPort
        do {
            port = try transport.open(wake: wake)
        } catch {
            if !isStopped { continuation.yield(.openFailed(error)) }
            return
        }
        defer { port.close() }
        continuation.yield(.opened(port.summary))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 1), alignment: 1)
        defer { buffer.deallocate() }
        var fds = [pollfd(fd: port.descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                continuation.yield(.lost("poll failed: \(SystemErrorText.current())"))
                return
            }
            if fds[1].revents != 0 { return }
            let revents = Int32(fds[0].revents)
            guard revents != 0 else { continue }
            switch port.read(into: buffer) {
            case let .bytes(count):
                continuation.yield(.data(Array(buffer[0..<count])))
            case .empty:
                if revents & (POLLHUP | POLLERR | POLLNVAL) != 0 {
                    continuation.yield(.lost(revents & POLLNVAL != 0 ? "descriptor closed" : "hang-up or error on the port"))
                    return
                }
            case let .lost(reason):
                continuation.yield(.lost(reason))
                return
            }
        }
    }
}
