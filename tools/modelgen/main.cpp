// modelgen: writes the bundled anatomy model.
//   modelgen [output.glb] [--verbose] [--only id,id,...] [--threads N]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "modelgen_generator.h"

int main(int argc, char** argv) {
    std::string out = "models/lower_body.glb";
    mg::GenerateOptions opt;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--verbose" || a == "-v") {
            opt.verbose = true;
        } else if (a == "--only" && i + 1 < argc) {
            std::string list = argv[++i];
            std::size_t p = 0;
            while (p <= list.size()) {
                const std::size_t q = std::min(list.find(',', p), list.size());
                if (q > p) opt.only.push_back(list.substr(p, q - p));
                p = q + 1;
            }
        } else if (a == "--threads" && i + 1 < argc) {
            const int n = std::atoi(argv[++i]);
            if (n < 1) {
                std::fprintf(stderr, "modelgen: --threads wants a number of at least 1\n");
                return 1;
            }
            opt.threads = static_cast<unsigned>(n);
        } else if (a == "--help" || a == "-h") {
            std::printf("usage: modelgen [output.glb] [--verbose] [--only id,id,...] [--threads N]\n");
            return 0;
        } else {
            out = a;
        }
    }
    const auto bytes = mg::generateGlb(opt);
    std::FILE* f = std::fopen(out.c_str(), "wb");
    if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
        std::fprintf(stderr, "modelgen: cannot write %s\n", out.c_str());
        if (f) std::fclose(f);
        return 1;
    }
    std::fclose(f);
    std::printf("modelgen: wrote %s (%zu bytes)\n", out.c_str(), bytes.size());
    return 0;
}
