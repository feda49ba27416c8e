import Foundation
import Testing

@testable import HubCore

/// The DIR-2 table exactly as SPEC.md prints it (header and rows pasted, the terminals row left out),
/// parsed here independently of `EntitlementMatrix.standard`.
private let specTable = """
    | feature | basic | fixed | desktop | mobile | smartphone | smartphone_plus | desktop_mobile | desktop_smartphone |
    |---|---|---|---|---|---|---|---|---|
    | web page, instructions, change own presence | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
    | software updates download | – | – | ✓ | – | ✓ | ✓ | ✓ | ✓ |
    | log in to groups/queues | – | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
    | add-on agent / supervisor | – | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
    | add-on operator | – | – | ✓ | – | – | – | ✓ | ✓ |
    | instant messages | – | – | ✓ | – | ✓ | ✓ | ✓ | ✓ |
    | SMS from the service | ✓¹ | ✓¹ | ✓ | ✓¹ | ✓ | ✓ | ✓ | ✓ |
    | presence | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
    | call log, company directory | – | – | ✓ | – | ✓ | ✓ | ✓ | ✓ |
    | call straight from the directory | – | – | ✓ | – | ✓ | ✓³ | ✓ | ✓ |
    | transfer | ✓² | ✓² | ✓ | ✓² | ✓² | ✓² | ✓ | ✓ |
    | call recording, call pickup | – | ✓ | ✓ | – | – | – | ✓ | ✓ |
    | call parking, fax reception, conferences and their admin tool | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
    | system parking | – | – | ✓ | – | – | – | ✓ | ✓ |
    | mailbox | – | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
    """

/// Which `Feature` each SPEC row is.
private let featureOfRow: [String: Feature] = [
    "web page, instructions, change own presence": .webPage,
    "software updates download": .softwareDownload,
    "log in to groups/queues": .groupLogin,
    "add-on agent / supervisor": .agentSupervisorAddOn,
    "add-on operator": .operatorAddOn,
    "instant messages": .instantMessages,
    "SMS from the service": .sms,
    "presence": .presence,
    "call log, company directory": .callLogAndDirectory,
    "call straight from the directory": .callFromDirectory,
    "transfer": .transfer,
    "call recording, call pickup": .recordingAndPickup,
    "call parking, fax reception, conferences and their admin tool": .parkingFaxConferences,
    "system parking": .systemParking,
    "mailbox": .mailbox,
]

private func entitlement(ofMark mark: String) -> Entitlement? {
    switch mark {
    case "✓": .allowed
    case "–": .denied
    case "✓¹": .phoneOrWebOnly
    case "✓²": .enterpriseNumbersOnly
    case "✓³": .webClientCallback
    default: nil
    }
}

/// SPEC cells by feature and profile raw value (the header's column names).
private let expected: [Feature: [String: Entitlement]] = {
    let lines = specTable.split(separator: "\n").map { line in
        line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    let header = Array(lines[0].dropFirst())
    var table: [Feature: [String: Entitlement]] = [:]
    for cells in lines.dropFirst(2) {
        guard let feature = featureOfRow[cells[0]] else { fatalError("unmapped SPEC row \(cells[0])") }
        precondition(cells.count - 1 == header.count, "row \(cells[0]) has \(cells.count - 1) cells")
        var row: [String: Entitlement] = [:]
        for (profile, mark) in zip(header, cells.dropFirst()) {
            guard let value = entitlement(ofMark: mark) else { fatalError("unknown mark \(mark)") }
            row[profile] = value
        }
        table[feature] = row
    }
    return table
}()

/// The SPEC's column order, by raw value.
private let specColumns = [
    "basic", "fixed", "desktop", "mobile", "smartphone", "smartphone_plus", "desktop_mobile", "desktop_smartphone",
]

@Suite("Entitlement matrix (DIR-2)")
struct EntitlementMatrixTests {
    @Test func theSpecTableCoversEveryFeatureAndProfile() {
        #expect(Set(expected.keys) == Set(Feature.allCases))
        #expect(expected.count == 15)
        for row in expected.values { #expect(Set(row.keys) == Set(BaseProfile.allCases.map(\.rawValue))) }
        #expect(BaseProfile.allCases.map(\.rawValue) == specColumns, "catalogue order is the SPEC's column order")
    }

    @Test(arguments: Feature.allCases, BaseProfile.allCases)
    func everyCellMatchesTheSpec(_ feature: Feature, _ profile: BaseProfile) throws {
        let want = try #require(expected[feature]?[profile.rawValue])
        let matrix = EntitlementMatrix.standard
        #expect(matrix.entitlement(feature, for: profile) == want)
        if want == .denied {
            let error = #expect(throws: EntitlementError.self) { try matrix.check(feature, for: profile) }
            #expect(error?.feature == feature)
            #expect(error?.profile == profile)
        } else {
            #expect(try matrix.check(feature, for: profile) == want)
        }
    }

    @Test(arguments: Feature.allCases)
    func profilesAllowingFollowTheSpecInColumnOrder(_ feature: Feature) {
        let want = specColumns.filter { expected[feature]?[$0] != .denied }
        #expect(EntitlementMatrix.standard.profilesAllowing(feature).map(\.rawValue) == want)
    }

    @Test func aRefusalNamesTheProfilesThatWouldAllowIt() {
        let error = #expect(throws: EntitlementError.self) {
            try EntitlementMatrix.standard.check(.systemParking, for: .smartphonePlus)
        }
        #expect(error?.allowedProfiles == [.desktop, .desktopMobile, .desktopSmartphone])
        #expect(
            error?.description
                == "profile 'smartphone_plus' may not use 'system_parking'; profiles that may: desktop, desktop_mobile, desktop_smartphone"
        )
    }

    @Test func restrictedEntitlementsStillPermitUse() {
        #expect(Entitlement.allowed.permitsUse)
        #expect(Entitlement.phoneOrWebOnly.permitsUse)
        #expect(Entitlement.enterpriseNumbersOnly.permitsUse)
        #expect(Entitlement.webClientCallback.permitsUse)
        #expect(!Entitlement.denied.permitsUse)
    }

    @Test func aCustomMatrixTreatsMissingCellsAsDenied() throws {
        let matrix = EntitlementMatrix([.sms: [.basic: .phoneOrWebOnly]])
        #expect(matrix.entitlement(.sms, for: .basic) == .phoneOrWebOnly)
        #expect(matrix.entitlement(.sms, for: .desktop) == .denied)
        #expect(matrix.entitlement(.mailbox, for: .desktop) == .denied)
        #expect(matrix.profilesAllowing(.sms) == [.basic])
        let error = #expect(throws: EntitlementError.self) { try matrix.check(.mailbox, for: .desktop) }
        #expect(error?.allowedProfiles == [])
    }

    @Test func addOnsAreGatedByTheirMatrixRows() {
        #expect(AddOn.agent.gatingFeature == .agentSupervisorAddOn)
        #expect(AddOn.supervisor.gatingFeature == .agentSupervisorAddOn)
        #expect(AddOn.operator.gatingFeature == .operatorAddOn)
    }

    @Test func terminalsFollowTheSpecTerminalsRow() {
        let want: [BaseProfile: [Terminal]] = [
            .basic: [.mobile], .fixed: [.deskPhone], .desktop: [.softphone, .deskPhone], .mobile: [.mobile, .deskPhone],
            .smartphone: [.app, .deskPhone], .smartphonePlus: [.app, .webClient, .deskPhone],
            .desktopMobile: [.softphone, .mobile, .deskPhone], .desktopSmartphone: [.softphone, .app, .deskPhone],
        ]
        for profile in BaseProfile.allCases { #expect(profile.terminals == want[profile], "\(profile)") }
    }
}
