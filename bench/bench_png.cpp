// PNG encoding benchmark: io::encodePng on a picture read from a PNG file (a rendered still, say from
// `lumbar-atlas --screenshot`; "-": none), or on a synthetic 1280x720 gradient with noise. Prints the median
// time of `runs` encodings (default 21) and the encoded size; a third argument encodes in that many pieces.
//   bench_png [file.png|-] [runs] [pieces]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "io/ImageDecode.h"
#include "io/PngWriter.h"

int main(int argc, char** argv) {
    int width = 1280, height = 720;
    std::vector<unsigned char> rgba;
    if (argc > 1 && std::string(argv[1]) != "-") {
        std::ifstream in(argv[1], std::ios::binary);
        const std::vector<unsigned char> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::size_t budget = la::io::kImageBytesLimit;
        std::string problem;
        if (!la::io::decodeImageLimited(file.data(), file.size(), budget, width, height, rgba, problem)) {
            std::fprintf(stderr, "%s: image %s\n", argv[1], problem.c_str());
            return 1;
        }
    } else {
        std::mt19937 rng(7);
        rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        for (std::size_t i = 0; i < rgba.size(); ++i) {
            const std::size_t x = (i / 4) % static_cast<std::size_t>(width);
            rgba[i] = i % 4 == 3 ? 255 : static_cast<unsigned char>(x / 5 + rng() % 8);
        }
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 21;
    const int pieces = argc > 3 ? std::atoi(argv[3]) : 0;  // 0: as encodePng chooses
    std::vector<double> ms;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto png = pieces > 0 ? la::io::encodePngInPieces(width, height, rgba, false, pieces)
                              : la::io::encodePng(width, height, rgba);
        const auto t1 = std::chrono::steady_clock::now();
        if (!png) {
            std::fprintf(stderr, "%s\n", png.error().c_str());
            return 1;
        }
        bytes = png->size();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("encodePng %dx%d, pieces %d: median %.2f ms (min %.2f, max %.2f, %d runs), %zu bytes\n", width, height,
                pieces, ms[ms.size() / 2], ms.front(), ms.back(), runs, bytes);
    return 0;
}
