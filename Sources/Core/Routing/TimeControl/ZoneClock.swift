import Foundation

/// Converts between instants and local wall time in one zone, without `Calendar` (fast, and exact across DST).
///
/// Local days are numbered from 1970-01-01; a wall time that does not exist (spring forward) maps to the
/// moment of the jump, and one that occurs twice (fall back) to its first occurrence — "the first instant
/// the wall clock reads this time or later". Assumes at most one offset change within two days, as in every zone.
struct ZoneClock: Sendable, Hashable {
    /// The zone.
    let zone: TimeZone

    /// The local day number and seconds since local midnight at `date`.
    func local(_ date: Date) -> (day: Int, second: Double) {
        let wall = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let day = Int((wall / 86_400).rounded(.down))
        return (day, wall - Double(day) * 86_400)
    }

    /// The first instant at which the wall clock of local day `day` reads `second` seconds after midnight or later.
    func instant(day: Int, second: Int) -> Date {
        let wall = day * 86_400 + second
        let before = offset(wall - 86_400)
        let after = offset(wall + 86_400)
        if before == after { return Date(timeIntervalSince1970: Double(wall - before)) }
        let early = wall - before
        let late = wall - after
        switch (offset(early) == before, offset(late) == after) {
        case (true, true): return Date(timeIntervalSince1970: Double(min(early, late)))
        case (true, false): return Date(timeIntervalSince1970: Double(early))
        case (false, true): return Date(timeIntervalSince1970: Double(late))
        case (false, false):
            // The wall time falls in a gap: the first instant after it is the moment the offset changes.
            var low = min(early, late)  // still the old offset
            var high = max(early, late)  // already the new offset
            while high - low > 1 {
                let mid = low + (high - low) / 2
                if offset(mid) == before { low = mid } else { high = mid }
            }
            return Date(timeIntervalSince1970: Double(high))
        }
    }

    /// The first instant of local day `day`.
    func startOfDay(_ day: Int) -> Date { instant(day: day, second: 0) }

    func offset(_ seconds: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }
}

extension ZoneClock {
    /// Converts wall times of a few consecutive days; when no offset change falls within them (almost always)
    /// it skips the zone lookups.
    struct Converter {
        let clock: ZoneClock
        let fixedOffset: Int?

        /// Same as ``ZoneClock/instant(day:second:)``.
        func instant(day: Int, second: Int) -> Date {
            if let fixedOffset { return Date(timeIntervalSince1970: Double(day * 86_400 + second - fixedOffset)) }
            return clock.instant(day: day, second: second)
        }
    }

    /// A converter for the local days `days`.
    func converter(days: ClosedRange<Int>) -> Converter {
        // Offsets a day beyond each end bracket every instant of the days; equal offsets mean no change between
        // (zones change offset at most once within days).
        let before = offset(days.lowerBound * 86_400 - 86_400)
        let after = offset((days.upperBound + 2) * 86_400)
        return Converter(clock: self, fixedOffset: before == after ? before : nil)
    }
}
