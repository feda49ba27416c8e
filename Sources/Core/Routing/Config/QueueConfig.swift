import Foundation

/// An ACD queue's configuration (ACD-1..9).
public struct QueueConfig: Sendable, Equatable, Codable {
    /// The queue's id.
    public var id: QueueID
    /// Display name.
    public var name: String
    /// The number callers dial (E.164).
    public var number: String
    /// How agents are chosen (ACD-2).
    public var strategy: QueueStrategy
    /// Seconds one offer rings an agent.
    public var ringSeconds: Int
    /// Offers before no-answer overflow: diverted at ring time × attempts after the first offer.
    public var attempts: Int
    /// Rest after each call before the next offer (ACD-7).
    public var wrapUpSeconds: Int
    /// Terminals that ring for this queue's calls (ACD-3); empty = all the agent's terminals.
    public var terminals: [Terminal]
    /// Skill asked of agents, with the minimum level (strategy `skill` prefers higher levels).
    public var skill: SkillRequirement?
    /// Caller priority bonus of this queue in the shared scheduler (higher first).
    public var priority: Int
    /// Auto-logout policy (ACD-4).
    public var autoLogout: AutoLogoutPolicy
    /// Overflow destinations (ACD-9).
    public var overflow: OverflowRules
    /// Announcements (ACD-8).
    public var announcements: QueueAnnouncements
    /// Name of the schedule (ROUTE-7) that opens the queue; nil = always open.
    public var schedule: String?
    /// Answered within this many seconds counts for the service level.
    public var serviceLevelSeconds: Int

    /// Creates a queue with the given settings; defaults are a ring-all queue with 20 s × 2.
    public init(
        id: QueueID, name: String, number: String, strategy: QueueStrategy = .ringAll, ringSeconds: Int = 20,
        attempts: Int = 2, wrapUpSeconds: Int = 0, terminals: [Terminal] = [], skill: SkillRequirement? = nil,
        priority: Int = 0, autoLogout: AutoLogoutPolicy = AutoLogoutPolicy(), overflow: OverflowRules = OverflowRules(),
        announcements: QueueAnnouncements = QueueAnnouncements(), schedule: String? = nil, serviceLevelSeconds: Int = 20
    ) {
        self.id = id
        self.name = name
        self.number = number
        self.strategy = strategy
        self.ringSeconds = ringSeconds
        self.attempts = attempts
        self.wrapUpSeconds = wrapUpSeconds
        self.terminals = terminals
        self.skill = skill
        self.priority = priority
        self.autoLogout = autoLogout
        self.overflow = overflow
        self.announcements = announcements
        self.schedule = schedule
        self.serviceLevelSeconds = serviceLevelSeconds
    }
}

/// How a queue picks agents (ACD-2).
public enum QueueStrategy: String, Sendable, Equatable, Codable, CaseIterable {
    /// Every free eligible agent rings at once.
    case ringAll = "ring_all"
    /// The agent idle longest rings.
    case longestIdle = "longest_idle"
    /// A random free agent (seeded, so runs repeat).
    case random
    /// The agent with the highest skill level; ties go to the longest idle.
    case skill
}

/// A skill a queue asks of its agents.
public struct SkillRequirement: Sendable, Equatable, Codable {
    /// The skill.
    public var skill: SkillID
    /// Lowest acceptable level (1…100).
    public var minimumLevel: Int

    /// Creates a requirement.
    public init(skill: SkillID, minimumLevel: Int = 1) {
        self.skill = skill
        self.minimumLevel = minimumLevel
    }
}

/// ACD-4 policy: what counts, what resets the count, where the logout applies.
///
/// Counted: offers that end with one of `counts` (default: no answer only — a busy or rejected offer
/// means the agent saw it). Reset by: an answered call, a login, a presence change by the agent.
/// Scope: logged out of every queue (an agent who walked away is gone for all of them).
public struct AutoLogoutPolicy: Sendable, Equatable, Codable {
    /// Consecutive counted offers before logout; 0 = never.
    public var afterUnanswered: Int
    /// Which leg failures count.
    public var counts: [LegFailure]

    /// Creates a policy.
    public init(afterUnanswered: Int = 0, counts: [LegFailure] = [.noAnswer]) {
        self.afterUnanswered = afterUnanswered
        self.counts = counts
    }
}

/// The five overflow kinds of ACD-9, each with its own destination.
public struct OverflowRules: Sendable, Equatable, Codable {
    /// (a) Rush: close at the limits, reopen below the reopen thresholds.
    public var rush: RushOverflow?
    /// (b) Per-call timeout.
    public var timeout: TimedOverflow?
    /// (c) No agents logged in or none available by presence.
    public var noAgents: String?
    /// (d) No answer after ring time × attempts.
    public var noAnswer: String?
    /// (e) Night (schedule closed or night mode on).
    public var night: String?

    /// Creates overflow rules.
    public init(rush: RushOverflow? = nil, timeout: TimedOverflow? = nil, noAgents: String? = nil, noAnswer: String? = nil, night: String? = nil) {
        self.rush = rush
        self.timeout = timeout
        self.noAgents = noAgents
        self.noAnswer = noAnswer
        self.night = night
    }
}

/// Rush overflow with hysteresis.
public struct RushOverflow: Sendable, Equatable, Codable {
    /// The queue closes when this many callers wait.
    public var maxWaiting: Int
    /// The queue closes when the longest wait reaches this many seconds.
    public var maxWaitSeconds: Int
    /// Reopens only when fewer than this many wait (default `maxWaiting`).
    public var reopenBelowWaiting: Int?
    /// Reopens only when the longest wait is below this (default `maxWaitSeconds`).
    public var reopenBelowWaitSeconds: Int?
    /// Where new calls go while closed.
    public var destination: String

    /// Creates a rush rule.
    public init(maxWaiting: Int, maxWaitSeconds: Int, reopenBelowWaiting: Int? = nil, reopenBelowWaitSeconds: Int? = nil, destination: String) {
        self.maxWaiting = maxWaiting
        self.maxWaitSeconds = maxWaitSeconds
        self.reopenBelowWaiting = reopenBelowWaiting
        self.reopenBelowWaitSeconds = reopenBelowWaitSeconds
        self.destination = destination
    }
}

/// An overflow after a time.
public struct TimedOverflow: Sendable, Equatable, Codable {
    /// Seconds a caller may wait.
    public var seconds: Int
    /// Where the caller goes then.
    public var destination: String

    /// Creates a timed overflow.
    public init(seconds: Int, destination: String) {
        self.seconds = seconds
        self.destination = destination
    }
}

/// A queue's messages (ACD-8).
public struct QueueAnnouncements: Sendable, Equatable, Codable {
    /// Played once on entry.
    public var welcome: String?
    /// Played after the welcome while waiting.
    public var queueMessage: String?
    /// Seconds between progress messages; 0 = none.
    public var progressEverySeconds: Int
    /// Whether progress messages say the position.
    public var announcePosition: Bool
    /// Whether progress messages say the estimated wait.
    public var announceWait: Bool

    /// Creates the announcement settings.
    public init(welcome: String? = nil, queueMessage: String? = nil, progressEverySeconds: Int = 0, announcePosition: Bool = true, announceWait: Bool = true) {
        self.welcome = welcome
        self.queueMessage = queueMessage
        self.progressEverySeconds = progressEverySeconds
        self.announcePosition = announcePosition
        self.announceWait = announceWait
    }
}
