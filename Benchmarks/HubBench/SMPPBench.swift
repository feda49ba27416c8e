import Foundation
import HubCore
import SMPPPlugin

/// `smpp`: SMS submitted per second by `sms_smpp` to the Net::SMPP simulator at window 1 and 10, and
/// `SMSEncoding.plan` throughput against a plain UTF-16 copy of the same texts.
struct SMPPBench {
    let messages: Int
    let encodings: Int

    init(quick: Bool) {
        messages = quick ? 300 : 2_000
        encodings = quick ? 20_000 : 200_000
    }

    func run() async throws -> [Table] {
        [encodingTable(), try await submitTable()]
    }

    private func submitTable() async throws -> Table {
        var table = Table(
            "SMPP submit_sm to the Net::SMPP simulator (\(Format.count(messages)) one-part GSM messages per row)",
            columns: ["window", "msg/s", "p50 send", "p99 send", "sent", "other", "max outstanding"])
        for window in [1, 10] {
            let simulator = try SMPPBenchSimulator()
            defer { simulator.stop() }
            var settings = SMPPPlugin.Settings(host: "127.0.0.1", port: simulator.port, systemID: "hub", passwordEnv: SMPPBenchSimulator.passwordVariable)
            settings.window = window
            settings.deliveryReports = false
            let queued = (0..<messages).map { index in
                OutboundMessage(id: .random(), tenant: "acme", content: .sms(SMSContent(
                    to: "+35840\(1_000_000 + index)", from: "Hub", text: "Benchmark message \(index): meeting at 10:00", wantsDeliveryReport: false)))
            }
            let outbox = SMPPBenchOutbox(queued)
            let context = PluginContext.smppBench(outbox: outbox)
            let plugin = try SMPPPlugin(settings: settings, context: context)
            let start = Monotonic.now()
            let task = Task { try await plugin.run(context: context) }
            try await waitUntil(deadline: .seconds(300)) { outbox.outcomes.count >= messages }
            let outcomes = outbox.outcomes
            task.cancel()
            _ = await task.result
            let end = outcomes.values.map(\.1).max() ?? Monotonic.now()
            let sent = outcomes.values.filter { if case .sent = $0.0 { true } else { false } }.count
            let latency = LatencySummary(outbox.sendTimes)
            table.add([
                String(window), Format.rate(Double(outcomes.count) / (Double(end - start) / 1e9)),
                latency.map { Format.duration($0.p50) } ?? "-", latency.map { Format.duration($0.p99) } ?? "-",
                String(sent), String(outcomes.count - sent), String(plugin.statistics.maxOutstanding),
            ])
        }
        table.note("msg/s: messages / time from plugin start (incl. connect and bind) to the last outcome; send = next() to report")
        table.note("the simulator is one Perl process decoding every PDU with Net::SMPP, so it bounds the window-10 row")
        return table
    }

    private func encodingTable() -> Table {
        var table = Table(
            "SMSEncoding.plan (\(Format.count(encodings)) texts per row)",
            columns: ["text", "coding", "parts", "plans/s", "MB/s (UTF-8 in)", "baseline: Array(utf16) copies/s"])
        let texts: [(String, String)] = [
            ("GSM, 120 chars", String(repeating: "Meeting 10:00 ", count: 9).prefix(120).description),
            ("GSM + escapes, 459 chars", String(repeating: "Price: 20€ [room 3] ", count: 23).prefix(459).description),
            ("UCS-2 Cyrillic, 200 chars", String(repeating: "Встреча в 10 ", count: 16).prefix(200).description),
            ("UCS-2 emoji mix, 100 chars", String(repeating: "ok 😀 ", count: 20).prefix(100).description),
        ]
        for (name, text) in texts {
            let plan = SMSEncoding.plan(text)
            var checksum = 0
            let start = Monotonic.now()
            for index in 0..<encodings {
                checksum &+= SMSEncoding.plan(text, reference: UInt8(truncatingIfNeeded: index)).partCount
            }
            let seconds = Double(Monotonic.since(start)) / 1e9
            let baselineStart = Monotonic.now()
            for _ in 0..<encodings { checksum &+= Array(text.utf16).count }
            let baselineSeconds = Double(Monotonic.since(baselineStart)) / 1e9
            table.add([
                name, plan.coding.rawValue, String(plan.partCount), Format.rate(Double(encodings) / seconds),
                String(format: "%.1f", Double(encodings * text.utf8.count) / seconds / 1e6),
                Format.rate(Double(encodings) / baselineSeconds) + (checksum == 0 ? "!" : ""),
            ])
        }
        table.note("plan = alphabet check + septet/UTF-16 conversion + split with concatenation headers; the baseline only copies UTF-16 units")
        return table
    }
}
