/// What a request asks the daemon to do.
public enum Method: String, Codable, Sendable, CaseIterable {
    /// Daemon health: last position, store size, clients, uptime, version.
    case status
    /// The daemon's metrics in the Prometheus text format, for monitoring; nothing of cases.
    case metrics
    /// A domain command on one case (`CommandParams`).
    case caseCommand = "case.command"
    /// A case's current state (`CaseParams`).
    case caseShow = "case.show"
    /// The ids of the cases the caller may read, for completion and overviews (`CaseListParams`).
    case caseList = "case.list"
    /// The next steps of a case (`CaseParams`).
    case caseNext = "case.next"
    /// A registration at CoMensha filled in from the case, to submit; a plaintext read (`RegistrationFormParams`).
    case registrationForm = "registration.form"
    /// Every open task across cases (`WorklistParams`).
    case worklist
    /// Every event that touched one signal (`TraceParams`).
    case auditTrace = "audit.trace"
    /// Statistics along the slachtoffermonitor's dimensions (`StatsParams`).
    case stats
    /// Events from a position, optionally following new ones (`TailParams`); streams its reply.
    case eventsTail = "events.tail"
    /// Drops and refolds every projection from the log; streams progress.
    case projectionsRebuild = "projections.rebuild"
    /// A hot, compacting copy of the store (`BackupParams`).
    case backup
    /// The current tree head as a signed checkpoint, with the log's verifier key.
    case auditCheckpoint = "audit.checkpoint"
    /// An inclusion proof of one event in a tree of a given size (`ProveParams`).
    case auditProve = "audit.prove"
    /// A consistency proof between two tree sizes (`ConsistencyParams`).
    case auditConsistency = "audit.consistency"
    /// A checkpoint witness reports the checkpoint it kept and whether it extends the last (`WitnessedParams`); recorded.
    case auditWitnessed = "audit.witnessed"
    /// The national relay hands back a witness's cosignature of one of the log's checkpoints (`CosignedParams`); recorded.
    case auditCosigned = "audit.cosigned"
    /// The national relay reads what waits to go to CoMensha: sealed registrations and notices (`Outbox`).
    case registrationOutbox = "registration.outbox"
    /// The national relay hands back CoMensha's acknowledgement of a delivery or notice (`Acknowledgement`); recorded.
    case registrationAcknowledged = "registration.acknowledged"
    /// Recomputes the chain and the tree and names the first bad position.
    case auditVerify = "audit.verify"
    /// The whole case, decrypted, for the youth or parents (inzage); recorded (`CaseParams`).
    case subjectExport = "subject.export"
    /// Cases whose last change is older than the retention period (`RetentionParams`).
    case retentionDue = "retention.due"
    /// Erases the personal data of every case past retention; a dry run unless confirmed (`RetentionParams`).
    case retentionApply = "retention.apply"
    /// Rewraps every data key under a new master key (`RotateParams`).
    case keysRotate = "keys.rotate"
    /// The protocol in force or an adopted version, with every version adopted (`ProtocolShowParams`).
    case protocolShow = "protocol.show"
    /// Rereads the protocol file and adopts it when it changed, attributed to the caller.
    case protocolReload = "protocol.reload"
    /// Every read and export of a case's personal content: who, when, on which ground (`CaseParams`).
    case accessLog = "access.log"
    /// The privacy officer's review of an emergency read (`AccessReviewParams`).
    case accessReview = "access.review"

    /// Whether the method reads parameters; one that does not takes `{}` (``EmptyParams``) and refuses any other.
    public var takesParameters: Bool {
        ![.status, .metrics, .projectionsRebuild, .auditCheckpoint, .auditVerify, .protocolReload, .registrationOutbox].contains(self)
    }
}
