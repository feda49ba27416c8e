import Foundation
import HubPluginTesting
import HubCore
import HubPluginSupport
import SMSHTTPPlugin

/// `sms-http`: SMS per second through `sms_kannel` to real Kannel (bearerbox + smsbox + fakesmsc) and
/// through `sms_http` (46elks preset) to the Python provider fixture, at 1 and 8 messages in flight,
/// against a baseline of the same requests sent straight through `CurlHTTPClient` without the plugin.
struct SMSHTTPBench {
    let messages: Int

    init(quick: Bool) {
        messages = quick ? 200 : 1_000
    }

    func run() async throws -> Table {
        var table = Table(
            "SMS gateways over HTTP (\(Format.count(messages)) messages per row)",
            columns: ["path", "in flight", "msg/s", "p50 send", "p99 send", "sent", "other", "peer saw all"])
        let kannel = try SMSHTTPKannelRig()
        do {
            try await kannel.start()
            try await runKannel(kannel, into: &table)
        } catch {
            await kannel.stop()
            throw error
        }
        await kannel.stop()
        let provider = try await SMSHTTPProviderProcess()
        do {
            try await runProvider(provider, into: &table)
        } catch {
            await provider.stop()
            throw error
        }
        await provider.stop()
        table.note("msg/s: messages / time from the first next() to the last outcome; send = next() to report (the gateway's answer)")
        table.note("Kannel: dlr_mask 0, GSM text; 'peer saw all' = fakesmsc printed every message (bearerbox forwarded it)")
        table.note("provider.py is a single-process Python ThreadingHTTPServer, so it bounds the sms_http rows")
        return table
    }

    private func runKannel(_ kannel: SMSHTTPKannelRig, into table: inout Table) async throws {
        for inFlight in [1, 8] {
            let before = kannel.receivedCount
            let settings = KannelSMSPlugin.Settings(
                sendsmsURL: kannel.sendsmsURL, username: "hub", password: "hubpw", dlrMask: 0, maxInFlight: inFlight)
            Console.progress("sms-http: sms_kannel, \(inFlight) in flight")
            let row = try await measure { context in try KannelSMSPlugin(settings: settings, context: context) }
            try await waitUntil(deadline: .seconds(60)) { kannel.receivedCount - before >= messages }
            table.add(row.cells(path: "sms_kannel -> smsbox -> fakesmsc", inFlight: inFlight, peerSaw: kannel.receivedCount - before))
        }
        let baseline = try await baselineRate(url: kannel.sendsmsURL, inFlight: 8)
        table.add(["baseline: CurlHTTPClient GET sendsms, no plugin", "8", Format.rate(baseline), "", "", "", "", ""])
    }

    private func runProvider(_ provider: SMSHTTPProviderProcess, into table: inout Table) async throws {
        for inFlight in [1, 8] {
            var settings = HTTPSMSPlugin.Settings()
            settings.preset = "46elks"
            settings.url = "http://127.0.0.1:\(provider.port)/a1/sms"
            settings.username = "acct"
            settings.password = "pw"
            settings.maxInFlight = inFlight
            Console.progress("sms-http: sms_http, \(inFlight) in flight")
            let row = try await measure { context in try HTTPSMSPlugin(settings: settings, context: context) }
            table.add(row.cells(path: "sms_http (46elks preset) -> provider.py", inFlight: inFlight, peerSaw: nil))
        }
    }

    struct Row {
        var rate: Double
        var latency: LatencySummary?
        var sent: Int
        var other: Int

        func cells(path: String, inFlight: Int, peerSaw: Int?) -> [String] {
            [path, String(inFlight), Format.rate(rate), latency.map { Format.duration($0.p50) } ?? "-",
             latency.map { Format.duration($0.p99) } ?? "-", String(sent), String(other), peerSaw.map { String($0) } ?? "n/a"]
        }
    }

    /// Runs a plugin over `messages` queued SMS and measures until every outcome is in.
    private func measure(_ make: (PluginContext) throws -> any HubPlugin) async throws -> Row {
        let queued = (0..<messages).map { index in
            OutboundMessage(id: .random(), tenant: "acme", content: .sms(SMSContent(to: "+35840\(1_000_000 + index)", from: "Hub", text: "Benchmark message \(index): meeting at 10:00", wantsDeliveryReport: false)))
        }
        let outbox = SMSHTTPBenchOutbox(queued)
        let context = PluginContext.smsBench(outbox: outbox, sink: SMSHTTPBenchSink())
        let plugin = try make(context)
        let start = Monotonic.now()
        let task = Task { try await plugin.run(context: context) }
        try await waitUntil(deadline: .seconds(120)) { outbox.outcomes.count >= messages }
        let outcomes = outbox.outcomes
        if outcomes.count < messages { Console.progress("sms-http: only \(outcomes.count) of \(messages) outcomes within 120 s") }
        outbox.close()
        task.cancel()
        _ = await task.result
        let end = outcomes.values.map(\.1).max() ?? Monotonic.now()
        let sent = outcomes.values.filter { if case .sent = $0.0 { true } else { false } }.count
        return Row(rate: Double(outcomes.count) / (Double(end - start) / 1e9), latency: LatencySummary(outbox.sendTimes), sent: sent, other: outcomes.count - sent)
    }

    /// Requests per second of the same GETs sent by `inFlight` tasks through one `CurlHTTPClient`.
    private func baselineRate(url: String, inFlight: Int) async throws -> Double {
        let http = try CurlHTTPClient()
        defer { http.shutdown() }
        let count = messages
        let start = Monotonic.now()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<inFlight {
                group.addTask {
                    for index in stride(from: worker, to: count, by: inFlight) {
                        let query = FormCoding.encode([("username", "hub"), ("password", "hubpw"), ("from", "Hub"),
                                                       ("to", "+35840\(2_000_000 + index)"), ("text", "Baseline \(index)"), ("charset", "UTF-8")])
                        _ = try await http.send(HTTPRequest(method: "GET", url: url + "?" + query))
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(count) / (Double(Monotonic.since(start)) / 1e9)
    }
}

/// `Tests/PluginsTests/Fixtures/smsprovider/provider.py` (46elks style) on a free port.
final class SMSHTTPProviderProcess: @unchecked Sendable {
    let port: Int
    private let process = Process()
    private let record: String

    init() async throws {
        port = try FreePort.next()
        record = FileManager.default.temporaryDirectory.appendingPathComponent("hubbench-provider-\(port).jsonl").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Tests/PluginsTests/Fixtures/smsprovider/provider.py", "--style", "46elks",
                             "--port", "\(port)", "--record", record, "--user", "acct", "--password", "pw"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = port
        try await waitUntil(deadline: .seconds(10)) { SMSHTTPKannelRig.accepts(port) }
    }

    func stop() async {
        await SMSHTTPKannelRig.terminate(process)
        try? FileManager.default.removeItem(atPath: record)
    }
}
