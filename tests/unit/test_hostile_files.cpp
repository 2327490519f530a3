// Hostile model files (issue 18): each case the tests write gives one line naming the file, or loads; none
// crashes, hangs, reads outside a buffer or allocates gigabytes. Timing is not asserted here (see bench/).
#include <cerrno>
#include <csignal>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <doctest/doctest.h>
#include <stb_image_write.h>

#include "../support/TestGltf.h"
#include "core/MeshOps.h"
#include "io/BoundedFile.h"
#include "io/GltfFiles.h"
#include "io/IsolatedImport.h"
#include "io/JsonText.h"
#include "io/LoaderUtil.h"
#include "io/ModelLoader.h"
#include "io/ModelWire.h"

using namespace la;
using namespace la::test;

namespace {

const std::vector<float> kTri = {0, 0, 0, 1, 0, 0, 0, 1, 0};

struct Parts {
    std::string node = R"({"name":"n","mesh":0})";
    std::string accessors = R"({"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"})";
    std::string views = R"({"buffer":0,"byteLength":36})";
    std::string buffer;  // empty: a data URI of the triangle
    std::string primitive = R"({"attributes":{"POSITION":0}})";
    std::string extra;
};

std::string gltf(const Parts& p) {
    BufferBuilder b;
    b.add(kTri);
    const std::string buffer = p.buffer.empty() ? R"({"uri":")" + b.dataUri() + R"(","byteLength":36})" : p.buffer;
    return R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[)" + p.node +
           R"(],"meshes":[{"primitives":[)" + p.primitive + R"(]}],"buffers":[)" + buffer + R"(],"bufferViews":[)" +
           p.views + R"(],"accessors":[)" + p.accessors + "]" + p.extra + "}";
}

std::string write(const std::string& dirName, const std::string& file, const std::string& text) {
    const auto dir = tempDir(dirName);
    writeText(dir / file, text);
    return (dir / file).string();
}

// One line that names the file.
void checkOneLine(const Result<Model>& m, const std::string& path) {
    REQUIRE_FALSE(m.ok());
    CHECK(m.error().rfind(path + ": ", 0) == 0);
    CHECK(m.error().find('\n') == std::string::npos);
}

Result<Model> loadParts(const std::string& name, const Parts& p, const io::LoadOptions& o = {}) {
    return io::loadModel(write("hostile_" + name, name + ".gltf", gltf(p)), o);
}

}  // namespace

TEST_CASE("hostile glTF: the triangle the cases start from loads") {
    auto m = loadParts("base", Parts{});
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    CHECK(m->triangleCount() == 1);
}

TEST_CASE("hostile glTF: huge accessor counts are refused before anything is allocated") {
    for (const char* count : {"4000000000", "2305843009213693952", "1000000000"}) {
        CAPTURE(count);
        Parts p;
        p.accessors = std::string(R"({"bufferView":0,"componentType":5126,"count":)") + count + R"(,"type":"VEC3"})";
        const std::string path = write("hostile_count", "c.gltf", gltf(p));
        auto m = io::loadModel(path);
        checkOneLine(m, path);
        CHECK(m.error().find("accessor 0") != std::string::npos);
    }
    SUBCASE("a billion elements and no buffer view: no 16 GB of zeros") {
        Parts p;
        p.accessors = R"({"componentType":5126,"count":1000000000,"type":"VEC3"})";
        const std::string path = write("hostile_count_noview", "c.gltf", gltf(p));
        auto m = io::loadModel(path);
        checkOneLine(m, path);
        CHECK(m.error().find("more than the loader accepts") != std::string::npos);
    }
    SUBCASE("a sparse count beyond the accessor's count") {
        Parts p;
        p.accessors = R"({"bufferView":0,"componentType":5126,"count":3,"type":"VEC3",
            "sparse":{"count":2000000000,"indices":{"bufferView":0,"componentType":5125},"values":{"bufferView":0}}})";
        const std::string path = write("hostile_sparse", "s.gltf", gltf(p));
        checkOneLine(io::loadModel(path), path);
    }
}

TEST_CASE("hostile glTF: offsets near 2^64 do not wrap around the bounds check") {
    const std::string wrap = "18446744073709551600";  // 2^64 - 16: offset + length wraps to a small number
    for (const std::string& where : {std::string("accessor"), std::string("view"), std::string("stride")}) {
        CAPTURE(where);
        Parts p;
        if (where == "accessor")
            p.accessors =
                R"({"bufferView":0,"byteOffset":)" + wrap + R"(,"componentType":5126,"count":3,"type":"VEC3"})";
        else if (where == "view")
            p.views = R"({"buffer":0,"byteOffset":)" + wrap + R"(,"byteLength":52})";
        else
            p.views = R"({"buffer":0,"byteLength":36,"byteStride":)" + wrap + "}";
        const std::string path = write("hostile_wrap", "w.gltf", gltf(p));
        auto m = io::loadModel(path);
        checkOneLine(m, path);
    }
    SUBCASE("a view that ends past its buffer") {
        Parts p;
        p.views = R"({"buffer":0,"byteOffset":24,"byteLength":36})";
        const std::string path = write("hostile_pastend", "e.gltf", gltf(p));
        checkOneLine(io::loadModel(path), path);
    }
}

TEST_CASE("hostile glTF: coordinates that are not finite or beyond 1e6 m are refused, naming the node") {
    struct Case {
        std::string node, why;
    };
    for (const Case& c :
         {Case{R"({"name":"far_away","mesh":0,"translation":[3e38,0,0]})", "reach"},
          Case{R"({"name":"far_away","mesh":0,"translation":[1e300,0,0]})", "not finite"},
          Case{R"({"name":"far_away","mesh":0,"matrix":[1e30,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]})", "reach"},
          Case{R"({"name":"far_away","mesh":0,"scale":[2e6,1,1]})", "reach"}}) {
        CAPTURE(c.node);
        Parts p;
        p.node = c.node;
        const std::string path = write("hostile_coord", "far.gltf", gltf(p));
        auto m = io::loadModel(path);
        checkOneLine(m, path);
        CHECK(m.error().find("node 'far_away'") != std::string::npos);
        CHECK(m.error().find(c.why) != std::string::npos);
    }
    SUBCASE("positions of 3e38 in the buffer") {
        BufferBuilder b;
        b.add(std::vector<float>{3e38f, 3e38f, 3e38f, -3e38f, 0, 0, 0, -3e38f, 0});
        Parts p;
        p.node = R"({"name":"huge","mesh":0})";
        p.buffer = R"({"uri":")" + b.dataUri() + R"(","byteLength":36})";
        const std::string path = write("hostile_coord_buf", "huge.gltf", gltf(p));
        auto m = io::loadModel(path);
        checkOneLine(m, path);
        CHECK(m.error().find("node 'huge'") != std::string::npos);
    }
    SUBCASE("a model a kilometre across still loads") {
        Parts p;
        p.node = R"({"name":"big","mesh":0,"scale":[1000,1000,1000]})";
        auto m = loadParts("coord_ok", p);
        CHECK_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    }
}

TEST_CASE("hostile glTF: JSON nested deeper than 512 levels is refused before tinygltf parses it") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "[";
    deep += "1";
    for (int i = 0; i < 100000; ++i) deep += "]";
    Parts p;
    p.node = R"({"name":"n","mesh":0,"extras":{"x":)" + deep + "}}";
    const std::string path = write("hostile_deep", "deep.gltf", gltf(p));
    auto m = io::loadModel(path);
    checkOneLine(m, path);
    CHECK(m.error().find("nested more than 512") != std::string::npos);
    CHECK(io::jsonDepth(R"({"a":["[[[[", {"b":[1]}]})", 512) == 4);  // brackets in strings do not count
    SUBCASE("moderate nesting in extras still loads") {
        Parts q;
        q.node = R"({"name":"n","mesh":0,"extras":{"x":[[[[[[[[1]]]]]]]]}})";
        auto ok = loadParts("deep_ok", q);
        CHECK_MESSAGE(ok.ok(), (ok.ok() ? std::string() : ok.error()));
    }
}

TEST_CASE("hostile glTF: buffer uris naming a FIFO, a folder or a device give one line at once") {
    const auto dir = tempDir("hostile_uris");
    REQUIRE(::mkfifo((dir / "pipe.bin").c_str(), 0600) == 0);
    std::filesystem::create_directories(dir / "folder.bin");
    for (const std::string& uri : {std::string("pipe.bin"), std::string("folder.bin")}) {
        CAPTURE(uri);
        Parts p;
        p.buffer = R"({"uri":")" + uri + R"(","byteLength":36})";
        writeText(dir / "m.gltf", gltf(p));
        const std::string path = (dir / "m.gltf").string();
        auto m = io::loadModel(path);  // a blocking open of the FIFO would hang here
        checkOneLine(m, path);
        CHECK(m.error().find(uri) != std::string::npos);
    }
    SUBCASE("the model itself as a FIFO, a folder or /dev/zero") {
        for (const std::string& path : {(dir / "pipe.bin").string(), (dir / "folder.bin").string()}) {
            auto m = io::loadModel(path);
            checkOneLine(m, path);
        }
        auto z = io::loadModel("/dev/zero");
        checkOneLine(z, "/dev/zero");
        CHECK(z.error().find("not a regular file") != std::string::npos);
    }
}

TEST_CASE("hostile glTF: a uri outside the model's folder is refused unless the paths are trusted") {
    const auto dir = tempDir("hostile_traversal");
    std::filesystem::create_directories(dir / "model");
    BufferBuilder b;
    b.add(kTri);
    b.writeBin(dir / "outside.bin");
    std::filesystem::create_directories(dir / "model" / "sub");
    b.writeBin(dir / "model" / "sub" / "inside.bin");
    std::filesystem::create_symlink(dir / "outside.bin", dir / "model" / "link.bin");
    for (const std::string& uri : {std::string("../outside.bin"), std::string("sub/../../outside.bin"),
                                   std::string("link.bin"), std::string("%2e%2e/outside.bin")}) {
        CAPTURE(uri);
        Parts p;
        p.buffer = R"({"uri":")" + uri + R"(","byteLength":36})";
        writeText(dir / "model" / "m.gltf", gltf(p));
        const std::string path = (dir / "model" / "m.gltf").string();
        auto m = io::loadModel(path);
        checkOneLine(m, path);
        CHECK(m.error().find("outside the model's folder") != std::string::npos);
        auto trusted = io::loadModel(path, io::LoadOptions{true});
        CHECK_MESSAGE(trusted.ok(), (trusted.ok() ? std::string() : trusted.error()));
    }
    Parts p;
    p.buffer = R"({"uri":"sub/inside.bin","byteLength":36})";
    writeText(dir / "model" / "m.gltf", gltf(p));
    auto inside = io::loadModel((dir / "model" / "m.gltf").string());
    CHECK_MESSAGE(inside.ok(), (inside.ok() ? std::string() : inside.error()));
    CHECK(io::insideFolder(dir / "model", (dir / "model" / "sub" / "inside.bin").string()));
    CHECK_FALSE(io::insideFolder(dir / "model", (dir / "model" / ".." / "outside.bin").string()));
    CHECK_FALSE(io::insideFolder(dir / "model", (dir / "model-other" / "x.bin").string()));
}

namespace {

// A textured triangle whose image is the PNG `png` (an external file next to the model).
std::string texturedTriangle(const std::string& imageJson) {
    Parts p;
    p.primitive = R"({"attributes":{"POSITION":0},"material":0})";
    p.extra = R"(,"materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}}],
        "textures":[{"source":0}],"images":[)" +
              imageJson + "]";
    return gltf(p);
}

std::uint32_t crc32(const unsigned char* p, std::size_t n) {
    std::uint32_t c = 0xffffffffu;
    for (std::size_t i = 0; i < n; ++i) {
        c ^= p[i];
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
}

// Writes a small PNG with stb, then makes its header claim width x height (a decompression bomb's header).
void writePngClaiming(const std::filesystem::path& file, std::uint32_t width, std::uint32_t height) {
    std::vector<std::uint8_t> px(4 * 4 * 3, 200);
    REQUIRE(stbi_write_png(file.string().c_str(), 4, 4, 3, px.data(), 12));
    std::ifstream in(file, std::ios::binary);
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), {});
    in.close();
    auto be = [&](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            bytes[at + static_cast<std::size_t>(i)] = static_cast<unsigned char>(v >> (24 - 8 * i));
    };
    be(16, width);  // IHDR data starts at byte 16: width, height
    be(20, height);
    be(29, crc32(bytes.data() + 12, 17));  // CRC over "IHDR" and its 13 data bytes
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST_CASE("hostile glTF: images are measured from their header before they are decoded") {
    const auto dir = tempDir("hostile_png");
    SUBCASE("a PNG claiming 16384 x 16384 (1 GB decoded) is refused") {
        writePngClaiming(dir / "bomb.png", 16384, 16384);
        writeText(dir / "m.gltf", texturedTriangle(R"({"uri":"bomb.png"})"));
        const std::string path = (dir / "m.gltf").string();
        auto m = io::loadModel(path);
        checkOneLine(m, path);
        CHECK(m.error().find("16384 x 16384") != std::string::npos);
    }
    SUBCASE("a PNG of 30000 x 30000 is refused the same way") {
        writePngClaiming(dir / "bomb.png", 30000, 30000);
        writeText(dir / "m.gltf", texturedTriangle(R"({"uri":"bomb.png"})"));
        checkOneLine(io::loadModel((dir / "m.gltf").string()), (dir / "m.gltf").string());
    }
    SUBCASE("a real 9000 x 1 PNG written by stb: wider than 8192") {
        std::vector<std::uint8_t> px(9000, 128);
        REQUIRE(stbi_write_png((dir / "wide.png").string().c_str(), 9000, 1, 1, px.data(), 9000));
        writeText(dir / "m.gltf", texturedTriangle(R"({"uri":"wide.png"})"));
        auto m = io::loadModel((dir / "m.gltf").string());
        checkOneLine(m, (dir / "m.gltf").string());
        CHECK(m.error().find("9000 x 1") != std::string::npos);
    }
    SUBCASE("a small PNG still textures the model") {
        std::vector<std::uint8_t> px(8 * 8 * 3, 90);
        REQUIRE(stbi_write_png((dir / "ok.png").string().c_str(), 8, 8, 3, px.data(), 24));
        writeText(dir / "m.gltf", texturedTriangle(R"({"uri":"ok.png"})"));
        auto m = io::loadModel((dir / "m.gltf").string());
        REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
        REQUIRE(m->textures.size() == 1);
        CHECK(m->textures[0].width == 8);
        CHECK(m->textures[0].rgba.size() == 8u * 8u * 4u);
    }
    SUBCASE("an image in a buffer view that lies outside its buffer") {
        Parts p;
        p.primitive = R"({"attributes":{"POSITION":0},"material":0})";
        p.views = R"({"buffer":0,"byteLength":36},{"buffer":0,"byteOffset":1000000,"byteLength":4096})";
        p.extra = R"(,"materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}}],
            "textures":[{"source":0}],"images":[{"bufferView":1,"mimeType":"image/png"}])";
        writeText(dir / "v.gltf", gltf(p));
        auto m = io::loadModel((dir / "v.gltf").string());
        checkOneLine(m, (dir / "v.gltf").string());
        CHECK(m.error().find("image 0") != std::string::npos);
    }
}

TEST_CASE("hostile glb: chunk lengths that do not fit the file give one line") {
    const auto dir = tempDir("hostile_glb");
    auto glb = [](std::uint32_t length, std::uint32_t jsonLength, const std::string& json, std::uint32_t binLength) {
        std::string s = "glTF";
        auto u32 = [&](std::uint32_t v) { s.append(reinterpret_cast<const char*>(&v), 4); };
        u32(2);
        u32(length);
        u32(jsonLength);
        u32(0x4E4F534A);
        s += json;
        u32(binLength);
        u32(0x004E4942);
        s += std::string(8, '\0');
        return s;
    };
    const std::string json = R"({"asset":{"version":"2.0"}})";
    const auto n = static_cast<std::uint32_t>(json.size());
    for (const std::string& bytes : {glb(0xffffffffu, n, json, 8), glb(20 + n + 16, 0xfffffff0u, json, 8),
                                     glb(20 + n + 16, n, json, 0xfffffff8u), std::string("glTF\2\0\0\0")}) {
        writeText(dir / "b.glb", bytes);
        auto m = io::loadModel((dir / "b.glb").string());
        checkOneLine(m, (dir / "b.glb").string());
    }
}

TEST_CASE("node hierarchies: a 100,000-deep chain loads; a cycle is found in linear time") {
    std::string nodes;
    const int depth = 100000;
    for (int i = 0; i < depth; ++i) {
        nodes += (i ? "," : "") + std::string(R"({"name":"n)") + std::to_string(i) + "\"";
        if (i + 1 < depth) nodes += R"(,"children":[)" + std::to_string(i + 1) + "]";
        if (i + 1 == depth) nodes += R"(,"mesh":0)";
        nodes += "}";
    }
    Parts p;
    p.node = nodes;
    auto m = loadParts("chain", p);
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    CHECK(m->nodes.size() == static_cast<std::size_t>(depth));
    CHECK(io::checkNoCycles(*m));
    m->nodes[0].parent = depth - 1;  // close the chain into a ring
    CHECK_FALSE(io::checkNoCycles(*m));
}

TEST_CASE("generateNormals: a 20,000-triangle fan is smooth at its centre and hard across a crease") {
    Primitive fan;
    const int n = 20000;
    fan.positions.push_back({0, 0, 0});
    for (int i = 0; i <= n; ++i) {
        const float a = 6.2831853f * static_cast<float>(i) / static_cast<float>(n);
        fan.positions.push_back({std::cos(a), std::sin(a), 0.0f});
    }
    for (int i = 0; i < n; ++i)
        fan.indices.insert(fan.indices.end(),
                           {0u, static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(i + 2)});
    generateNormals(fan);
    REQUIRE(fan.normals.size() == fan.positions.size());
    for (const auto& nm : fan.normals) CHECK(nm.z == doctest::Approx(1.0f));
    // One centre vertex: every face meets its neighbours at 0 degrees.
    int centres = 0;
    for (const auto& v : fan.positions) centres += v == glm::vec3(0.0f);
    CHECK(centres == 1);

    // Two faces folded by 90 degrees along the x axis: the shared edge is split into hard normals.
    Primitive fold;
    fold.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    fold.indices = {0, 1, 2, 0, 3, 1};
    generateNormals(fold);
    CHECK(fold.positions.size() == 6);  // the two edge vertices are duplicated
    for (std::size_t t = 0; t < 2; ++t) {
        const glm::vec3 face = t == 0 ? glm::vec3(0, 0, 1) : glm::vec3(0, 1, 0);
        for (int k = 0; k < 3; ++k)
            CHECK(glm::dot(fold.normals[fold.indices[3 * t + static_cast<std::size_t>(k)]], face) ==
                  doctest::Approx(1.0f));
    }
}

TEST_CASE("isolated import: a crash, a hang or a runaway allocation in the importer is one line") {
    SUBCASE("crash") {
        auto r = io::runIsolated("x.ply", []() -> Result<Model> {
            std::raise(SIGSEGV);
            return Error{"unreachable"};
        });
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().rfind("x.ply: the importer crashed", 0) == 0);
    }
    SUBCASE("hang") {
        io::IsolationLimits limits;
        limits.seconds = 0.5;
        auto r = io::runIsolated(
            "x.ply",
            []() -> Result<Model> {
                for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
            },
            limits);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == "x.ply: the importer timed out (no result after 0.5 s)");
    }
    SUBCASE("a loop that burns processor time") {
        io::IsolationLimits limits;
        limits.cpuSeconds = 1;
        auto r = io::runIsolated(
            "x.ply",
            []() -> Result<Model> {
                volatile unsigned long n = 0;
                for (;;) n = n + 1;
            },
            limits);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == "x.ply: the importer timed out (more than 1 s of processor time)");
    }
#if !defined(__SANITIZE_ADDRESS__)
    SUBCASE("allocation past the memory limit") {
        io::IsolationLimits limits;
        limits.extraBytes = std::size_t{256} << 20;
        auto r = io::runIsolated(
            "x.ply",
            []() -> Result<Model> {
                std::vector<char> big(std::size_t{3} << 30, 1);
                return Error{"allocated " + std::to_string(big.size())};
            },
            limits);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("x.ply: the importer needed more than 256 MB") == 0);
    }
#endif
    SUBCASE("an error line and a model come back unchanged") {
        auto e = io::runIsolated("x.ply", []() -> Result<Model> { return Error{"x.ply: bad header"}; });
        REQUIRE_FALSE(e.ok());
        CHECK(e.error() == "x.ply: bad header");
    }
}

TEST_CASE("isolated import: an importer does not outlive a viewer that is killed while it runs") {
    // A stand-in viewer (forked) starts an import that never ends; the importer child writes its pid to a
    // pipe. The viewer is then killed as a user's kill or a crash would end it: its importer must go too.
    int pids[2];
    REQUIRE(::pipe(pids) == 0);
    const pid_t viewer = ::fork();
    REQUIRE(viewer >= 0);
    if (viewer == 0) {
        ::close(pids[0]);
        const int out = pids[1];
        io::IsolationLimits limits;
        limits.seconds = 60;
        (void)io::runIsolated(
            "x.ply",
            [out]() -> Result<Model> {
                const pid_t me = ::getpid();
                (void)!::write(out, &me, sizeof me);
                for (;;) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            },
            limits);
        ::_exit(0);
    }
    ::close(pids[1]);
    pid_t importer = 0;
    const ssize_t got = ::read(pids[0], &importer, sizeof importer);
    ::close(pids[0]);
    REQUIRE(got == static_cast<ssize_t>(sizeof importer));
    REQUIRE(importer > 0);
    CHECK(::kill(importer, 0) == 0);  // it runs while the viewer does
    ::kill(viewer, SIGKILL);
    int status = 0;
    ::waitpid(viewer, &status, 0);
    // The importer is not our child (it was the viewer's), so poll for it to be gone: a few seconds at
    // most, far more than the kernel needs; without the fix it would run for the whole minute.
    bool gone = false;
    for (int i = 0; i < 200 && !gone; ++i) {
        gone = ::kill(importer, 0) != 0 && errno == ESRCH;
        if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    CHECK(gone);
    if (!gone) ::kill(importer, SIGKILL);
}

TEST_CASE("model wire format: a model survives the pipe; any damaged byte string is refused") {
    const auto dir = tempDir("hostile_wire");
    writeText(dir / "q.obj",
              "o quad\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\n"
              "f 1/1 2/2 3/3 4/4\n");
    auto direct = io::importWithAssimp((dir / "q.obj").string());
    REQUIRE_MESSAGE(direct.ok(), (direct.ok() ? std::string() : direct.error()));
    auto isolated = io::loadModel((dir / "q.obj").string());
    REQUIRE_MESSAGE(isolated.ok(), (isolated.ok() ? std::string() : isolated.error()));
    CHECK(io::serialiseModel(*direct) == io::serialiseModel(*isolated));
    CHECK(isolated->triangleCount() == 2);
    REQUIRE(isolated->meshes.size() == 1);
    CHECK(isolated->meshes[0].primitives[0].uvs.size() == isolated->meshes[0].primitives[0].positions.size());

    // The fuzzer's seed (written by hand from the format) is a whole model.
    std::ifstream seed(std::string(LA_SOURCE_DIR) + "/tests/fuzz/corpus/wire/triangle.lam", std::ios::binary);
    const std::string seedBytes((std::istreambuf_iterator<char>(seed)), {});
    auto fromSeed = io::deserialiseModel(seedBytes);
    REQUIRE(fromSeed);
    CHECK(fromSeed->triangleCount() == 1);
    CHECK(fromSeed->nodes[0].extra("kind") == "muscle");

    const std::string bytes = io::serialiseModel(*direct);
    int refused = 0;
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) refused += !io::deserialiseModel(bytes.substr(0, cut));
    CHECK(refused == static_cast<int>(bytes.size()));
    // Flipping a byte either gives a consistent model or none; it never reads out of bounds (ASan checks that).
    for (std::size_t i = 0; i < bytes.size(); i += 7) {
        std::string bad = bytes;
        bad[i] = static_cast<char>(bad[i] ^ 0x5a);
        if (auto m = io::deserialiseModel(bad))
            for (const auto& mesh : m->meshes)
                for (const auto& p : mesh.primitives)
                    for (auto idx : p.indices) CHECK(idx < p.positions.size());
    }
}

TEST_CASE("text files: FIFO, /dev/zero, folders and oversized files give one line without blocking") {
    const auto dir = tempDir("hostile_text");
    REQUIRE(::mkfifo((dir / "tour.json").c_str(), 0600) == 0);
    std::filesystem::create_directories(dir / "folder.json");
    for (const std::string& path :
         {(dir / "tour.json").string(), (dir / "folder.json").string(), std::string("/dev/zero")}) {
        CAPTURE(path);
        auto t = io::readTextFile(path);
        REQUIRE_FALSE(t.ok());
        CHECK(t.error().rfind(path + ": ", 0) == 0);
    }
    {
        std::ofstream big(dir / "big.json", std::ios::binary);
        big.seekp(static_cast<std::streamoff>(io::kTextFileLimit) + 10);
        big.put('x');
    }
    auto big = io::readTextFile((dir / "big.json").string());
    REQUIRE_FALSE(big.ok());
    CHECK(big.error().find("is larger than 16 MB") != std::string::npos);
    writeText(dir / "ok.json", "{}");
    auto ok = io::readTextFile((dir / "ok.json").string());
    REQUIRE(ok.ok());
    CHECK(*ok == "{}");
}

TEST_CASE("Assimp 5.2 on hostile PLY files: a billion-vertex header and a truncated file are one line each") {
    const auto dir = tempDir("hostile_ply");
    const std::string header =
        "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
        "property float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n";
    SUBCASE("a header that claims a billion vertices") {
        std::string text = header;
        text.replace(text.find("vertex 3"), 8, "vertex 1000000000");
        writeText(dir / "big.ply", text + "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
        const std::string path = (dir / "big.ply").string();
        auto m = io::loadModel(path);
        checkOneLine(m, path);
#if !defined(__SANITIZE_ADDRESS__)
        CHECK(m.error().find("ran out of memory") != std::string::npos);
#endif
    }
    SUBCASE("a file cut off in its header, on which Assimp loops, is refused before Assimp sees it") {
        // With the default limits: were it handed to Assimp, it would end only by the 20 s processor limit.
        writeText(dir / "cut.ply", header.substr(0, header.size() - 4));  // "...end_hea"
        const std::string path = (dir / "cut.ply").string();
        auto m = io::loadModel(path);
        checkOneLine(m, path);
        CHECK(m.error() == path + ": is a damaged PLY file: its header has no 'end_header' line");
        writeText(dir / "short.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\n");
        auto shortHeader = io::loadModel((dir / "short.ply").string());
        REQUIRE_FALSE(shortHeader.ok());
        CHECK(shortHeader.error().find("no 'end_header' line") != std::string::npos);
    }
    SUBCASE("a file that is not PLY at all") {
        writeText(dir / "other.ply", "solid cube\nfacet normal 0 0 1\n");
        const std::string path = (dir / "other.ply").string();
        auto m = io::loadModel(path);
        checkOneLine(m, path);
        CHECK(m.error() == path + ": is not a PLY file (it does not start with the line 'ply')");
    }
    SUBCASE("a whole header with the word end_header inside a comment is still checked to its real end") {
        writeText(dir / "comment.ply", "ply\nformat ascii 1.0\ncomment no end_header here\nelement vertex 3\n");
        auto m = io::loadModel((dir / "comment.ply").string());
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().find("no 'end_header' line") != std::string::npos);
    }
    SUBCASE("a whole header still goes to Assimp: a good triangle loads (CRLF line ends too)") {
        std::string crlf;
        for (char c : header + "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n")
            crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        writeText(dir / "ok.ply", crlf);
        auto m = io::loadModel((dir / "ok.ply").string());
        REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
        CHECK(m->triangleCount() == 1);
    }
}
