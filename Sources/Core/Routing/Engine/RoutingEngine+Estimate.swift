import Foundation

extension RoutingEngine {
    /// Estimated wait in seconds for the caller at `position`, rounded up to 30 s; nil without a basis
    /// (no eligible agent or no recent handle time).
    mutating func estimatedWait(_ queueID: QueueID, position: Int, at now: Date) -> Int? {
        guard let samples = handleTimes[queueID], !samples.isEmpty else { return nil }
        let eligible = eligibleAgents(queueID)
        guard eligible > 0 else { return nil }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let rounds = Double((position + eligible - 1) / eligible)
        let seconds = rounds * mean
        return Int((seconds / 30).rounded(.up)) * 30
    }

    /// Members who could take the queue's calls by presence and skill, busy or not. Counted once and kept
    /// until a login, logout, presence, directory or plan change may alter it: progress messages ask often.
    mutating func eligibleAgents(_ queueID: QueueID) -> Int {
        if let count = eligibleCounts[queueID] { return count }
        var count = 0
        for user in members[queueID] ?? [] where agents[user]?.present == true && meetsSkill(user, queueID) { count += 1 }
        eligibleCounts[queueID] = count
        return count
    }

    mutating func recordHandleTime(_ queue: QueueID, _ seconds: TimeInterval) {
        var samples = handleTimes[queue] ?? []
        samples.append(seconds)
        if samples.count > 20 { samples.removeFirst(samples.count - 20) }
        handleTimes[queue] = samples
    }
}
