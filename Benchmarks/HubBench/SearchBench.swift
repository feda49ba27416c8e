import Foundation
import HubCore

/// Benchmark 2: `DirectoryIndex.search` latency over 10,000 generated users, per typical query, against
/// a naive linear scan that folds each field per query.
struct SearchBench {
    let users = 10_000
    /// Measured calls per query, unless the time budget runs out first.
    let iterations: Int
    let budgetPerQuery: UInt64
    let baselineIterations: Int
    static let goalP99: UInt64 = 1_000_000

    /// Typical queries: 1-3 prefixes, numbers, diacritics.
    static let queries: [(query: String, kind: String)] = [
        ("a", "1 prefix, first keystroke"),
        ("vir", "1 prefix, last name"),
        ("mäk", "1 prefix, diacritic"),
        ("mak", "1 prefix, folded form of 'mäk'"),
        ("sjö", "1 prefix, Swedish diacritic"),
        ("anna vir", "2 prefixes"),
        ("päivi h", "2 prefixes, diacritic"),
        ("myynti key", "2 prefixes, department + title"),
        ("tampere asiakas tiim", "3 prefixes"),
        ("matti mäk it", "3 prefixes, diacritic"),
        ("040 00", "number prefix, national form"),
        ("+358 10 200 01", "number prefix, E.164"),
    ]

    init(quick: Bool) {
        iterations = quick ? 200 : 1_000
        budgetPerQuery = quick ? 500_000_000 : 2_000_000_000
        baselineIterations = quick ? 1 : 5
    }

    func run() -> Table {
        let tenant = GeneratedTenant.make(users: users)
        let entries = tenant.directoryEntries
        let buildStart = Monotonic.now()
        let index = DirectoryIndex(entries, countryCode: tenant.tenant.countryCode)
        let buildTime = Monotonic.since(buildStart)
        let naive = NaiveSearch(entries: entries, countryCode: tenant.tenant.countryCode)
        var table = Table(
            "2. Directory search (DirectoryIndex.search, \(Format.count(index.count)) users, limit 50)",
            columns: ["query", "kind", "matches", "hits", "calls", "p50", "p99", "max", "naive p50", "speed-up", "goal p99<1ms"])
        var all: [UInt64] = []
        var naiveAll: [UInt64] = []
        var mismatches: [String] = []
        for (query, kind) in Self.queries {
            let hits = index.search(query)
            let matches = index.search(query, limit: .max).count
            for _ in 0..<3 { _ = index.search(query) }
            var samples: [UInt64] = []
            let queryStart = Monotonic.now()
            while samples.count < iterations, samples.count < 20 || Monotonic.since(queryStart) < budgetPerQuery {
                let start = Monotonic.now()
                let result = index.search(query)
                samples.append(Monotonic.since(start))
                if result.count != hits.count { mismatches.append("'\(query)': hit count changed between calls") }
            }
            var naiveSamples: [UInt64] = []
            var naiveHits: [DirectoryRef] = []
            for _ in 0..<baselineIterations {
                let start = Monotonic.now()
                naiveHits = naive.search(query)
                naiveSamples.append(Monotonic.since(start))
            }
            if naiveHits != hits.map(\.ref) { mismatches.append("'\(query)': index \(hits.count) hits, naive \(naiveHits.count)") }
            all += samples
            naiveAll += naiveSamples
            guard let summary = LatencySummary(samples), let naiveSummary = LatencySummary(naiveSamples) else { continue }
            table.add([
                "'\(query)'", kind, Format.count(matches), String(hits.count), Format.count(summary.count),
                Format.duration(summary.p50), Format.duration(summary.p99), Format.duration(summary.max),
                Format.duration(naiveSummary.p50), Format.ratio(Double(naiveSummary.p50) / Double(max(summary.p50, 1))),
                Format.verdict(summary.p99 < Self.goalP99),
            ])
        }
        if let summary = LatencySummary(all), let naiveSummary = LatencySummary(naiveAll) {
            table.add([
                "all queries", "", "", "", Format.count(summary.count), Format.duration(summary.p50), Format.duration(summary.p99),
                Format.duration(summary.max), Format.duration(naiveSummary.p50),
                Format.ratio(Double(naiveSummary.p50) / Double(max(summary.p50, 1))), Format.verdict(summary.p99 < Self.goalP99),
            ])
        }
        table.note("index built from \(Format.count(entries.count)) entries in \(Format.duration(buildTime)); "
            + "baseline 'naive' = linear scan folding every field per query (\(baselineIterations) calls per query)")
        table.note("'matches' = entries matching every prefix; 'hits' = returned (limit 50); the index sorts all matches before cutting")
        table.note("each call timed alone; up to \(Format.count(iterations)) calls or \(Format.duration(budgetPerQuery)) per query")
        if mismatches.isEmpty {
            table.note("naive scan returned the same first 50 entries as the index for every query")
        } else {
            for mismatch in mismatches { table.note("result mismatch: " + mismatch) }
        }
        return table
    }
}
