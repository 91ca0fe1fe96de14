/// The case digest in the binary form: what the inline projection keeps beside each case's state for
/// the scans of every case that the worklist, the statistics and retention make. It holds no
/// personal content, so it is stored unsealed. Every field, in declaration order.
extension CaseDigest: BinaryCodable {
    public func binary() -> [UInt8] { encoded() }
    public init(binary bytes: some Collection<UInt8>) throws(BinaryFormError) { try self.init(decoding: bytes) }

    func write(to w: inout BinaryWriter) {
        w.write(caseID); w.write(unit); w.write(youth); w.write(isOpen); w.write(isErased); w.write(lastChangedOn)
        w.write(activeSignals); w.write(consultations); w.write(reports); w.write(registrations); w.write(registeredElsewhere)
        w.write(declinedReasons); w.write(consent); w.write(ageAtFirstSignal); w.write(screenedOn) { $0.write($1) }; w.write(pending)
        w.write(legalHold); w.write(carers); w.write(relationships); w.write(sameYouth); w.write(otherYouth); w.write(refusedBy)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            caseID: try r.read(), unit: try r.read(), youth: try r.read(), isOpen: try r.read(), isErased: try r.read(),
            lastChangedOn: try r.read(), activeSignals: try r.read(), consultations: try r.read(), reports: try r.read(),
            registrations: try r.read(), registeredElsewhere: try r.read(), declinedReasons: try r.read(), consent: try r.read(),
            ageAtFirstSignal: try r.read(), screenedOn: try r.read { r throws(BinaryFormError) in try r.read() }, pending: try r.read(),
            legalHold: try r.read(), carers: try r.read(), relationships: try r.read(), sameYouth: try r.read(),
            otherYouth: try r.read(), refusedBy: try r.read())
    }
}

extension CaseDigest.Signal: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(id); w.write(observedOn); w.write(step.rawValue); w.write(formsOfExploitation); w.write(crossBorder)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        let id: String = try r.read(), observedOn: Day = try r.read(), raw: Int = try r.read()
        guard let step = CaseState.Step(rawValue: raw) else { throw BinaryFormError("\(raw) is not a step") }
        self.init(id: id, observedOn: observedOn, step: step, formsOfExploitation: try r.read(), crossBorder: try r.read())
    }
}

extension CaseDigest.Consultation: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(signalIDs); w.write(heldOn) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(signalIDs: try r.read(), heldOn: try r.read()) }
}

extension CaseDigest.Report: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(id); w.write(signalIDs); w.write(reportedOn) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(id: try r.read(), signalIDs: try r.read(), reportedOn: try r.read()) }
}

extension CaseDigest.Registration: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(on); w.write(kind) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(on: try r.read(), kind: try r.read()) }
}

extension CaseDigest.Pending: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(kind); w.write(subject); w.write(step); w.write(since); w.write(dueOn); w.write(listFrom); w.write(responsible)
        w.write(protocolVersion)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            kind: try r.read(), subject: try r.read(), step: try r.read(), since: try r.read(), dueOn: try r.read(),
            listFrom: try r.read(), responsible: try r.read(), protocolVersion: try r.read())
    }
}

extension CaseDigest.Hold: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(reason); w.write(until) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(reason: try r.read(), until: try r.read()) }
}

extension CaseDigest.Part: BinaryCodable {
    public func binary() -> [UInt8] { encoded() }
    public init(binary bytes: some Collection<UInt8>) throws(BinaryFormError) { try self.init(decoding: bytes) }

    func write(to w: inout BinaryWriter) {
        w.write(activeSignals); w.write(consultations); w.write(reports); w.write(registrations); w.write(declinedReasons)
        w.write(screenedOn) { $0.write($1) }; w.write(pending)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            activeSignals: try r.read(), consultations: try r.read(), reports: try r.read(), registrations: try r.read(),
            declinedReasons: try r.read(), screenedOn: try r.read { r throws(BinaryFormError) in try r.read() }, pending: try r.read())
    }
}
