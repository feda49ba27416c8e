import Foundation
import Testing

@testable import HubCore

@Suite("Floating add-on licences (DIR-3)")
struct LicencePoolTests {
    let anna: UserID = "anna", bertil: UserID = "bertil", cecilia: UserID = "cecilia"

    @Test func twoAgentLicencesServeTwoUsersAndTheThirdWaitsForARelease() throws {
        var pool = LicencePool(capacity: [.agent: 2])
        #expect(pool.available(.agent) == 2)
        try pool.take(.agent, for: anna, profile: .desktop)
        try pool.take(.agent, for: bertil, profile: .mobile)
        #expect(pool.available(.agent) == 0)
        #expect(pool.holds(anna, .agent) && pool.holds(bertil, .agent))

        #expect(throws: LicenceError.noneFree(.agent, capacity: 2)) {
            try pool.take(.agent, for: cecilia, profile: .smartphone)
        }
        #expect(!pool.holds(cecilia, .agent))

        pool.release(.agent, for: anna)
        #expect(!pool.holds(anna, .agent))
        #expect(pool.available(.agent) == 1)
        try pool.take(.agent, for: cecilia, profile: .smartphone)
        #expect(pool.holds(cecilia, .agent))
        #expect(pool.available(.agent) == 0)
        #expect(throws: LicenceError.noneFree(.agent, capacity: 2)) { try pool.take(.agent, for: anna, profile: .desktop) }
    }

    @Test func aTenantWithoutLicencesOfAKindHasNoneFree() {
        var pool = LicencePool(capacity: [.agent: 2])
        #expect(pool.available(.supervisor) == 0)
        #expect(throws: LicenceError.noneFree(.supervisor, capacity: 0)) {
            try pool.take(.supervisor, for: anna, profile: .desktop)
        }
    }

    @Test(arguments: BaseProfile.allCases)
    func agentAndSupervisorFitEveryProfileExceptBasic(_ profile: BaseProfile) throws {
        for addOn in [AddOn.agent, .supervisor] {
            var pool = LicencePool(capacity: [addOn: 1])
            if profile == .basic {
                let error = #expect(throws: LicenceError.self) { try pool.take(addOn, for: anna, profile: profile) }
                let allowed = BaseProfile.allCases.filter { $0 != .basic }
                #expect(error == .profileNotEligible(addOn, profile: .basic, allowed: allowed))
                #expect(pool.available(addOn) == 1, "a refusal takes nothing")
            } else {
                try pool.take(addOn, for: anna, profile: profile)
                #expect(pool.holds(anna, addOn))
            }
        }
    }

    @Test(arguments: BaseProfile.allCases)
    func operatorNeedsADesktopProfile(_ profile: BaseProfile) throws {
        var pool = LicencePool(capacity: [.operator: 1])
        let eligible: Set<BaseProfile> = [.desktop, .desktopMobile, .desktopSmartphone]
        if eligible.contains(profile) {
            try pool.take(.operator, for: anna, profile: profile)
            #expect(pool.holds(anna, .operator))
        } else {
            #expect(throws: LicenceError.profileNotEligible(
                .operator, profile: profile, allowed: [.desktop, .desktopMobile, .desktopSmartphone])
            ) { try pool.take(.operator, for: anna, profile: profile) }
            #expect(!pool.holds(anna, .operator))
        }
    }

    @Test func takingTwiceIsIdempotent() throws {
        var pool = LicencePool(capacity: [.agent: 2])
        try pool.take(.agent, for: anna, profile: .desktop)
        try pool.take(.agent, for: anna, profile: .desktop)
        #expect(pool.available(.agent) == 1)
        #expect(pool.holders[.agent] == [anna])
    }

    @Test func takingAHeldLicenceSucceedsEvenWhenNoneAreFree() throws {
        var pool = LicencePool(capacity: [.agent: 1])
        try pool.take(.agent, for: anna, profile: .desktop)
        try pool.take(.agent, for: anna, profile: .desktop)
        #expect(pool.holds(anna, .agent))
    }

    @Test func releasingWhatIsNotHeldIsANoOp() throws {
        var pool = LicencePool(capacity: [.agent: 1])
        try pool.take(.agent, for: anna, profile: .desktop)
        let before = pool
        pool.release(.agent, for: bertil)
        pool.release(.operator, for: anna)
        #expect(pool == before)
    }

    @Test func releasingTheLastHolderLeavesThePoolAsNew() throws {
        var pool = LicencePool(capacity: [.agent: 1])
        try pool.take(.agent, for: anna, profile: .desktop)
        pool.release(.agent, for: anna)
        #expect(pool == LicencePool(capacity: [.agent: 1]))
        #expect(pool.holders.isEmpty)
    }

    @Test func releaseAllFreesEveryKind() throws {
        var pool = LicencePool(capacity: [.agent: 2, .supervisor: 1, .operator: 1])
        try pool.take(.agent, for: anna, profile: .desktop)
        try pool.take(.supervisor, for: anna, profile: .desktop)
        try pool.take(.operator, for: anna, profile: .desktop)
        try pool.take(.agent, for: bertil, profile: .desktop)
        pool.releaseAll(for: anna)
        for addOn in AddOn.allCases { #expect(!pool.holds(anna, addOn)) }
        #expect(pool.available(.supervisor) == 1)
        #expect(pool.available(.operator) == 1)
        #expect(pool.available(.agent) == 1, "bertil still holds one agent licence")
        #expect(pool.holds(bertil, .agent))
    }

    @Test func capacityCannotGoBelowUse() throws {
        var pool = LicencePool(capacity: [.agent: 3])
        try pool.take(.agent, for: anna, profile: .desktop)
        try pool.take(.agent, for: bertil, profile: .desktop)
        #expect(throws: LicenceError.capacityBelowUse(.agent, requested: 1, inUse: 2)) {
            try pool.setCapacity(1, for: .agent)
        }
        #expect(pool.capacity[.agent] == 3)
        try pool.setCapacity(2, for: .agent)
        #expect(pool.capacity[.agent] == 2)
        #expect(pool.available(.agent) == 0)
        try pool.setCapacity(5, for: .agent)
        #expect(pool.available(.agent) == 3)
    }

    @Test func capacityCannotBeNegative() {
        var pool = LicencePool(capacity: [:])
        #expect(throws: LicenceError.capacityBelowUse(.operator, requested: -1, inUse: 0)) {
            try pool.setCapacity(-1, for: .operator)
        }
        #expect(pool.capacity[.operator] == nil)
    }

    @Test func errorsExplainThemselves() {
        #expect(
            LicenceError.profileNotEligible(.operator, profile: .mobile, allowed: [.desktop, .desktopMobile]).description
                == "profile 'mobile' cannot take the 'operator' add-on; profiles that can: desktop, desktop_mobile")
        #expect(
            LicenceError.noneFree(.agent, capacity: 2).description
                == "all 2 'agent' licences are taken; someone must release one first")
        #expect(
            LicenceError.capacityBelowUse(.agent, requested: 1, inUse: 2).description
                == "cannot set 'agent' licences to 1: 2 are in use")
    }

    @Test func poolsRoundTripThroughJSONWithAddOnKeys() throws {
        var pool = LicencePool(capacity: [.agent: 2, .operator: 1])
        try pool.take(.agent, for: anna, profile: .desktop)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(pool), as: UTF8.self)
        #expect(json == #"{"capacity":{"agent":2,"operator":1},"holders":{"agent":["anna"]}}"#)
        #expect(try JSONDecoder().decode(LicencePool.self, from: Data(json.utf8)) == pool)
    }
}
