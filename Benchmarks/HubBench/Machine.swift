import Foundation

/// Facts about the machine and build the figures were measured on.
struct Machine {
    var processors: Int
    var cpuModel: String
    var memoryTotal: String
    var kernel: String
    var buildConfiguration: String
    var command: String
    var loadAverage: String

    static func current() -> Machine {
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        return Machine(
            processors: ProcessInfo.processInfo.activeProcessorCount,
            cpuModel: procValue(file: "/proc/cpuinfo", key: "model name") ?? "unknown",
            memoryTotal: procValue(file: "/proc/meminfo", key: "MemTotal") ?? "unknown",
            kernel: (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown",
            buildConfiguration: configuration,
            command: CommandLine.arguments.joined(separator: " "),
            loadAverage: (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
                .split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown")
    }

    /// The value after `key:` on the first matching line of a /proc file.
    static func procValue(file: String, key: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Prints the facts, followed by `extra` ones (such as the hub binary).
    func print(extra: [(String, String)] = []) {
        var table = Table("HubBench", columns: ["fact", "value"])
        table.add(["command", command])
        table.add(["processors (nproc)", String(processors)])
        table.add(["cpu model", cpuModel])
        table.add(["memory", memoryTotal])
        table.add(["kernel", kernel])
        table.add(["swift build config", buildConfiguration])
        table.add(["load average (1/5/15 min)", loadAverage])
        for (fact, value) in extra { table.add([fact, value]) }
        table.add(["started", ISO8601DateFormatter().string(from: Date())])
        table.print()
    }
}
