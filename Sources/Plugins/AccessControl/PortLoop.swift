import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Opens the port, feeds what it reads into the pipeline, and when the port cannot be opened or is lost
/// tries again after a capped, jittered backoff on the injected clock, until cancelled.
struct PortLoop {
    let configuration: AccessControlConfiguration
    let context: PluginContext
    let counters: AccessControlCounters
    let link: LinkBoard

    /// The transport for the configured address and driver.
    static func transport(for configuration: AccessControlConfiguration) -> any PortTransport {
        switch configuration.address {
        case let .tcp(host, port):
            return TCPTransport(host: host, port: port, connectTimeout: configuration.connectTimeout)
        case let .device(path):
            let termios = TermiosTransport(path: path, serial: configuration.serial)
            let library = LibSerialPortTransport(path: path, serial: configuration.serial)
            switch configuration.driver {
            case .auto: return AutoTransport(library: library, termios: termios)
            case .libserialport: return library
            case .termios: return termios
            }
        }
    }

    /// Records the port's state and reports it as the instance's status detail.
    private func setLink(_ status: LinkStatus) {
        link.set(status)
        context.status.report(detail: status.description)
    }

    func run() async throws {
        defer { context.status.report(detail: nil) }
        let transport = Self.transport(for: configuration)
        var pipeline = StampPipeline(configuration: configuration, context: context, counters: counters)
        defer { pipeline.finish() }
        var failures = 0
        var failureLog = LogThrottle(interval: 60)
        var random = SystemRandomNumberGenerator()
        while true {
            try Task.checkCancellation()
            setLink(LinkStatus(state: .opening, detail: transport.summary, failedAttempts: failures, since: context.clock.now()))
            var reason = "not opened"
            do {
                let session = try PortSession(transport: transport)
                for await event in session.events {
                    switch event {
                    case let .opened(how):
                        counters.update { $0.opens += 1 }
                        let after = failures
                        failures = 0
                        setLink(LinkStatus(state: .open, detail: how, since: context.clock.now()))
                        context.logger.info(after == 0 ? "port open" : "port reopened", metadata: [
                            "port": "\(how)", "failed_attempts": "\(after)",
                        ])
                    case let .data(bytes):
                        try await pipeline.feed(bytes)
                    case let .openFailed(failure):
                        counters.update { $0.openFailures += 1 }
                        if failure.isPermanent { throw PluginError.misconfigured(failure.description) }
                        reason = failure.description
                        if let held = failureLog.record(at: context.clock.now()) {
                            context.logger.warning("cannot open port; will retry", metadata: ["error": "\(reason)", "suppressed": "\(held)"])
                        }
                    case let .lost(why):
                        counters.update { $0.disconnects += 1 }
                        reason = "lost: \(why)"
                        try await pipeline.portClosed()
                        context.logger.warning("port lost; reopening", metadata: ["port": "\(transport.summary)", "error": "\(why)"])
                        failureLog = LogThrottle(interval: 60)
                    }
                }
            } catch let failure as PortFailure {
                reason = failure.description
            }
            try Task.checkCancellation()
            failures += 1
            let delay = configuration.reopen.delay(attempt: failures, using: &random)
            let now = context.clock.now()
            setLink(LinkStatus(
                state: .waiting, detail: reason, retryAt: now.addingTimeInterval(delay.timeInterval), failedAttempts: failures, since: now))
            try await context.clock.sleep(delay)
        }
    }
}
