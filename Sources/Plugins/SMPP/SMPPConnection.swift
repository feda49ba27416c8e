import HubCore
import HubPluginSupport
import Logging
import NIOCore
import NIOPosix

/// One TCP connection to the SMSC: bind as transceiver, then read PDUs, keep the link alive and submit
/// the outbox's messages until the connection fails. Always ends by throwing.
struct SMPPConnection {
    let settings: SMPPPlugin.Settings
    let password: String
    let context: PluginContext
    let counters: SMPPCounters
    let problems: SMPPProblemLog
    let inbound: SMPPInboundHandler
    let references: SMPPReferenceCounter
    /// Called once the bind succeeded.
    let onBound: @Sendable () -> Void

    func run() async throws -> Never {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(settings.connectTimeout.duration.timeInterval * 1000)))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMPPFrameDecoder()))
                    return try NIOAsyncChannel<[UInt8], ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inboundStream, outbound in
            let session = SMPPSession(outbound: outbound, window: settings.window, clock: context.clock)
            do {
                try await serve(session: session, inbound: inboundStream)
            } catch {
                await session.close(error)
                let outstanding = await session.maxOutstanding
                counters.add { $0.maxOutstanding = max($0.maxOutstanding, outstanding) }
                throw error
            }
        }
        throw SMPPClientError.connectionClosed
    }

    private func serve(session: SMPPSession, inbound inboundStream: NIOAsyncChannelInboundStream<[UInt8]>) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await readLoop(inboundStream, session: session) }
            let bind = SMPPBind(systemID: settings.systemID, password: password, systemType: settings.systemType)
            let response = try await session.request(.bindTransceiver, body: .bind(bind), timeout: settings.responseTimeout.duration)
            guard response.status == .ok else {
                if response.status.isCredentialError {
                    throw PluginError.authenticationFailed("SMSC refused bind as '\(settings.systemID)': \(response.status)")
                }
                throw SMPPClientError.bindRefused(response.status)
            }
            counters.add { $0.binds += 1 }
            onBound()
            context.logger.info("bound to SMSC \(settings.host):\(settings.port) as \(settings.systemID)")
            group.addTask { try await keepAlive(session) }
            group.addTask { try await sendLoop(session) }
            defer { group.cancelAll() }
            do {
                try await group.next()
            } catch {
                // Wake every waiting request before the group waits for its tasks.
                await session.close(error)
                throw error
            }
            await session.close(SMPPClientError.connectionClosed)
            throw SMPPClientError.connectionClosed
        }
    }

    private func readLoop(_ stream: NIOAsyncChannelInboundStream<[UInt8]>, session: SMPPSession) async throws {
        for try await bytes in stream {
            let pdu: SMPPPDU
            do {
                pdu = try SMPPCodec.decode(bytes)
            } catch {
                try await refuse(bytes, error, session: session)
                continue
            }
            if pdu.command.isResponse {
                if !(await session.complete(pdu)) {
                    problems.warning("unmatched", "\(pdu.command) for unknown sequence \(pdu.sequence)", logger: context.logger, at: context.clock.now())
                }
                continue
            }
            switch (pdu.command, pdu.body) {
            case let (.deliverSM, .shortMessage(message)):
                let status = await inbound.handle(message, context: context)
                try await session.respond(.deliverSM.response, sequence: pdu.sequence, status: status, body: .messageResponse(messageID: ""))
            case (.enquireLink, _):
                try await session.respond(.enquireLink.response, sequence: pdu.sequence)
            case (.unbind, _):
                try await session.respond(.unbind.response, sequence: pdu.sequence)
                throw SMPPClientError.unboundBySMSC
            default:
                try await session.respond(.genericNack, sequence: pdu.sequence, status: .invalidCommandID)
            }
        }
        throw SMPPClientError.connectionClosed
    }

    /// Answers an undecodable PDU: a response fails its request, a request gets generic_nack.
    private func refuse(_ bytes: [UInt8], _ error: SMPPCodecError, session: SMPPSession) async throws {
        counters.add { $0.badPDUs += 1 }
        problems.warning("pdu", "bad PDU from SMSC: \(error)", logger: context.logger, at: context.clock.now())
        guard let header = SMPPCodec.header(bytes) else { return }
        if header.command.isResponse {
            _ = await session.fail(sequence: header.sequence, SMPPClientError.badResponse("\(error)"))
        } else {
            try await session.respond(.genericNack, sequence: header.sequence, status: error.responseStatus)
        }
    }

    private func keepAlive(_ session: SMPPSession) async throws {
        while true {
            try await context.clock.sleep(settings.enquireLinkInterval.duration)
            _ = try await session.request(.enquireLink, timeout: settings.responseTimeout.duration)
        }
    }

    /// Takes messages while fewer than `window` are in flight; each reports its own outcome.
    private func sendLoop(_ session: SMPPSession) async throws {
        let submitter = SMPPSubmitter(settings: settings, session: session, counters: counters, references: references)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0
            while true {
                if inFlight >= settings.window {
                    try await group.next()
                    inFlight -= 1
                }
                guard let message = await context.outbox.next() else { return }
                group.addTask {
                    let outcome = Task.isCancelled
                        ? DeliveryOutcome.retry(reason: "connection to the SMSC lost", retryAfter: nil)
                        : await submitter.deliver(message)
                    await report(message, outcome)
                }
                inFlight += 1
            }
        }
    }

    /// Records an outcome even while the connection task is being cancelled.
    private func report(_ message: OutboundMessage, _ outcome: DeliveryOutcome) async {
        counters.add { stats in
            switch outcome {
            case .sent: stats.messagesSent += 1
            case .failed: stats.messagesFailed += 1
            case .retry: stats.messagesRetried += 1
            }
        }
        let outbox = context.outbox
        let result = await Task { () -> (any Error)? in
            do { try await outbox.report(message.id, outcome: outcome) } catch { return error }
            return nil
        }.value
        if let result {
            problems.warning("report", "could not record outcome of \(message.id): \(result)", logger: context.logger, at: context.clock.now())
        }
    }
}
