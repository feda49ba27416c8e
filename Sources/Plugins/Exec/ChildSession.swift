import HubCore
import HubPluginSupport
import Logging
import Subprocess

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of the child program: starts it, feeds its stdin, reads its stdout and stderr, and reports how it ended.
struct ChildSession {
    let settings: ExecPlugin.Settings
    let context: PluginContext
    let counters: ExecCounters

    /// Runs the program until it exits (throws `.unavailable`) or the task is cancelled (throws `CancellationError`).
    func run() async throws {
        try Task.checkCancellation()
        // A write to a child that has just exited must fail with EPIPE, not kill the hub with SIGPIPE.
        // Children do not inherit this: Subprocess resets every signal to its default when spawning.
        _ = signal(SIGPIPE, SIG_IGN)
        let hello = try ExecProtocol.helloLine(
            instance: context.instanceID, tenant: context.tenant, config: settings.config, limits: settings.limits)
        let launch = ChildLaunch(settings: settings)
        let status: TerminationStatus
        do {
            status = try await Subprocess.run(
                launch.configuration, input: .inputWriter, output: .sequence, error: .sequence
            ) { execution in
                counters.update { $0.starts += 1 }
                context.logger.debug("program started", metadata: ["pid": "\(execution.processIdentifier)"])
                try await serve(execution, hello: hello)
            }.terminationStatus
        } catch let error as SubprocessError {
            try Task.checkCancellation()
            throw launch.classify(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            try Task.checkCancellation()
            throw PluginError.unavailable("program '\(launch.program)' failed: \(error)")
        }
        try Task.checkCancellation()
        throw PluginError.unavailable("program '\(launch.program)' exited (\(Self.describe(status)))")
    }

    private func serve(
        _ execution: Execution<CustomWriteInput, SequenceOutput, SequenceOutput>, hello: [UInt8]
    ) async throws {
        let inbox = ChildInbox(context: context, counters: counters)
        inbox.send(hello)
        await withTaskGroup(of: Void.self) { feeders in
            feeders.addTask { await inbox.pump(into: execution.standardInputWriter) }
            if settings.forwardEvents {
                feeders.addTask { await forwardEvents(to: inbox) }
            }
            await withTaskGroup(of: Void.self) { readers in
                readers.addTask { await readStderr(execution.standardError) }
                readers.addTask { await readStdout(execution.standardOutput, inbox: inbox) }
            }
            inbox.close()
            feeders.cancelAll()
        }
        try Task.checkCancellation()
    }

    private func forwardEvents(to inbox: ChildInbox) async {
        for await event in context.subscribe() where event.tenant == context.tenant && ExecProtocol.forwards(event) {
            do {
                if inbox.send(try ExecProtocol.eventLine(event)) { counters.update { $0.eventsForwarded += 1 } }
            } catch {
                context.logger.error("cannot encode hub event for the program", metadata: ["error": "\(error)"])
            }
        }
    }

    private func readStdout(_ output: SubprocessOutputSequence, inbox: ChildInbox) async {
        var framer = LineFramer(maximumLineBytes: settings.maxLineBytes)
        var reader = StdoutReader(settings: settings, context: context, inbox: inbox, counters: counters)
        defer { reader.finish() }
        do {
            for try await buffer in output {
                for line in buffer.withUnsafeBytes({ framer.append($0) }) { try await reader.handle(line) }
            }
            for line in framer.finish() { try await reader.handle(line) }
        } catch {
            // End of output: cancellation, or the read was cut off because the program exited.
        }
    }

    private func readStderr(_ output: SubprocessOutputSequence) async {
        var framer = LineFramer(maximumLineBytes: settings.maxLineBytes)
        var reader = StderrReader(settings: settings, context: context, counters: counters)
        defer { reader.finish() }
        do {
            for try await buffer in output {
                for line in buffer.withUnsafeBytes({ framer.append($0) }) { reader.handle(line) }
            }
        } catch {
            // As for stdout: the stream ends when the program exits or the task is cancelled.
        }
        for line in framer.finish() { reader.handle(line) }
    }

    private static func describe(_ status: TerminationStatus) -> String {
        switch status {
        case let .exited(code): "status \(code)"
        case let .signaled(signal): "signal \(signal)"
        }
    }
}
