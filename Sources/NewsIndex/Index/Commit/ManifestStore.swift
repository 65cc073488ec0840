#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and publishes manifests through the `CURRENT` pointer file.
///
/// Publishing writes `manifest-<gen>` and fsyncs it, writes `CURRENT.tmp` naming it and
/// fsyncs that, renames it over `CURRENT`, then fsyncs the directory: a crash at any point
/// leaves either the old or the new state, never a mix.
struct ManifestStore {
    let directory: String

    static let currentName = "CURRENT"

    func path(_ name: String) -> String { directory + "/" + name }

    /// The generation `CURRENT` names, or nil when there is no index here.
    func currentGeneration() throws(IndexError) -> UInt64? {
        let current = path(Self.currentName)
        guard FileSystem.exists(current) else { return nil }
        let bytes = try FileSystem.readAll(current)
        let text = String(decoding: bytes, as: UTF8.self).trimmingSuffix(while: { $0 == "\n" })
        guard text.hasPrefix("manifest-"), let gen = UInt64(text.dropFirst("manifest-".count)) else {
            throw .corrupt(file: Self.currentName, detail: "does not name a manifest")
        }
        return gen
    }

    func load(generation: UInt64) throws(IndexError) -> Manifest {
        let name = Manifest.fileName(generation: generation)
        let manifest = try Manifest(parsing: try FileSystem.readAll(path(name)), name: name)
        guard manifest.generation == generation else {
            throw .corrupt(file: name, detail: "records generation \(manifest.generation)")
        }
        return manifest
    }

    /// The committed manifest, or nil when there is no index here. Retries when a writer
    /// replaces the manifest between reading `CURRENT` and opening the file it names.
    func loadCurrent() throws(IndexError) -> Manifest? {
        var attempts = 0
        while true {
            guard let gen = try currentGeneration() else { return nil }
            do throws(IndexError) {
                return try load(generation: gen)
            } catch {
                attempts += 1
                if case .io(_, _, let code) = error, code == ENOENT, attempts < 5 { continue }
                throw error
            }
        }
    }

    func publish(_ manifest: Manifest) throws(IndexError) {
        let name = Manifest.fileName(generation: manifest.generation)
        try FileSystem.writeDurably(path(name), manifest.serialize())
        let tmp = path(Self.currentName + ".tmp")
        try FileSystem.writeDurably(tmp, Array((name + "\n").utf8))
        try FileSystem.rename(tmp, to: path(Self.currentName))
        try FileSystem.syncDirectory(directory)
    }
}
