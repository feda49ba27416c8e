/// A floating add-on licence a user may take on top of the base profile (DIR-3).
public enum AddOn: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable, Hashable {
    case agent
    case supervisor
    case `operator`

    /// The feature of the DIR-2 matrix that gates taking this add-on.
    public var gatingFeature: Feature {
        switch self {
        case .agent, .supervisor: .agentSupervisorAddOn
        case .operator: .operatorAddOn
        }
    }
}
