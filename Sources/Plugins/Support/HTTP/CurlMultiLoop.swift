import CCurl
import Foundation
import Synchronization

/// One curl multi handle driven by one dedicated thread: every transfer of a ``CurlHTTPClient`` runs
/// here, so a thousand requests in flight cost one thread, not a thousand.
///
/// Other threads only append commands to the inbox and wake the thread with `curl_multi_wakeup`; the
/// multi handle, the active transfers and their continuations belong to the loop thread.
final class CurlMultiLoop: @unchecked Sendable {
    private enum Command {
        case start(CurlTransfer)
        case cancel(CurlTransfer)
    }

    private struct Inbox {
        var commands: [Command] = []
        var stopping = false
        var finished = false
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    /// Loop thread only.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    /// Creates the multi handle and starts its thread.
    init(maxConnectionsPerHost: Int) throws(HTTPTransportError) {
        CurlGlobal.initialise()
        guard let multi = curl_multi_init() else { throw .invalidRequest("curl_multi_init failed") }
        self.multi = multi
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        let thread = Thread { [self] in run() }
        thread.name = "hub-curl"
        thread.start()
    }

    /// Hands `transfer` to the loop; false once the loop has stopped.
    func submit(_ transfer: CurlTransfer) -> Bool {
        post(.start(transfer))
    }

    /// Aborts `transfer` if it is still running; its `send` then fails with `cancelled`.
    func cancel(_ transfer: CurlTransfer) {
        _ = post(.cancel(transfer))
    }

    /// Stops the thread; transfers still running fail with `unreachable("client shut down")`.
    func stop() {
        inbox.withLock { inbox in
            guard !inbox.finished else { return }
            inbox.stopping = true
            curl_multi_wakeup(multi)
        }
    }

    private func post(_ command: Command) -> Bool {
        inbox.withLock { inbox in
            // Waking under the lock keeps the multi handle alive: the loop cleans it up only after
            // setting `finished` under the same lock.
            guard !inbox.finished, !inbox.stopping else { return false }
            inbox.commands.append(command)
            curl_multi_wakeup(multi)
            return true
        }
    }

    private func run() {
        while true {
            let (commands, stopping) = inbox.withLock { inbox in
                defer { inbox.commands.removeAll() }
                return (inbox.commands, inbox.stopping)
            }
            for command in commands { handle(command) }
            if stopping { break }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        shutDown()
    }

    private func handle(_ command: Command) {
        switch command {
        case let .start(transfer):
            if transfer.isCancelled {
                complete(transfer, .failure(.cancelled), attached: false)
            } else if curl_multi_add_handle(multi, transfer.easy) == CURLM_OK {
                active[transfer.easy] = transfer
            } else {
                complete(transfer, .failure(.invalidRequest("curl_multi_add_handle failed")), attached: false)
            }
        case let .cancel(transfer):
            // Unknown means not started yet (the start sees the flag) or already finished.
            guard active[transfer.easy] === transfer else { return }
            complete(transfer, .failure(.cancelled), attached: true)
        }
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = active[easy] else { continue }
            let code = message.pointee.data.result
            complete(transfer, transfer.outcome(code), attached: true)
        }
    }

    private func complete(_ transfer: CurlTransfer, _ result: Result<HTTPResponse, HTTPTransportError>, attached: Bool) {
        if attached {
            curl_multi_remove_handle(multi, transfer.easy)
            active[transfer.easy] = nil
        }
        transfer.release()
        transfer.finish(result)
    }

    private func shutDown() {
        let leftovers = inbox.withLock { inbox in
            inbox.finished = true
            defer { inbox.commands.removeAll() }
            return inbox.commands
        }
        for case let .start(transfer) in leftovers {
            complete(transfer, .failure(.unreachable("client shut down")), attached: false)
        }
        for transfer in active.values {
            complete(transfer, .failure(.unreachable("client shut down")), attached: true)
        }
        curl_multi_cleanup(multi)
    }
}
