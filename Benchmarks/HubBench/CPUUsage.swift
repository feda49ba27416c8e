import Foundation

/// CPU time used on the machine between two moments: by the hub, by HubBench, and by everything else
/// (other builds or services sharing the cores skew the figures, so every table says how busy they were).
struct CPUUsage {
    /// One reading of the counters.
    struct Snapshot {
        var wall: UInt64
        /// Busy CPU seconds of the whole machine (all cores) since boot.
        var machine: Double
        var bench: Double
        var hub: Double?
    }

    let start: Snapshot
    let hubPID: Int32?

    init(hubPID: Int32? = nil) {
        self.hubPID = hubPID
        start = Self.snapshot(hubPID: hubPID)
    }

    /// Share of one core used since `init` (100% = one full core), by whom.
    struct Shares {
        var seconds: Double
        var hub: Double?
        var bench: Double
        var others: Double
        var hubCPUSeconds: Double?

        /// `HubBench 98%, hub 120%, other processes 3% (of 200%)`.
        var summary: String {
            var parts = [String(format: "HubBench %.0f%%", bench)]
            if let hub { parts.append(String(format: "hub %.0f%%", hub)) }
            parts.append(String(format: "other processes %.0f%%", others))
            return parts.joined(separator: ", ") + " (of \(ProcessInfo.processInfo.activeProcessorCount * 100)%)"
        }
    }

    func finish() -> Shares {
        let end = Self.snapshot(hubPID: hubPID)
        let seconds = Double(end.wall - start.wall) / 1e9
        let bench = end.bench - start.bench
        let hub = end.hub.flatMap { endHub in start.hub.map { endHub - $0 } }
        let others = max(0, (end.machine - start.machine) - bench - (hub ?? 0))
        func percent(_ value: Double) -> Double { seconds > 0 ? value / seconds * 100 : 0 }
        return Shares(seconds: seconds, hub: hub.map(percent), bench: percent(bench), others: percent(others), hubCPUSeconds: hub)
    }

    static func snapshot(hubPID: Int32?) -> Snapshot {
        Snapshot(
            wall: Monotonic.now(), machine: machineBusySeconds() ?? 0, bench: processSeconds("self") ?? 0,
            hub: hubPID.flatMap { processSeconds(String($0)) })
    }

    private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// user + nice + system + irq + softirq + steal of the `cpu` line of /proc/stat.
    private static func machineBusySeconds() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return nil }
        let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard values.count >= 8 else { return nil }
        return (values[0] + values[1] + values[2] + values[5] + values[6] + values[7]) / ticksPerSecond
    }

    /// utime + stime of /proc/PID/stat (fields 14 and 15, counted after the command name).
    private static func processSeconds(_ pid: String) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ")": state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / ticksPerSecond
    }
}
