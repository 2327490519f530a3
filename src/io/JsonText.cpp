#include "io/JsonText.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "io/BoundedFile.h"

namespace la::io {

int lineOfOffset(std::string_view text, std::size_t offset) {
    const std::size_t end = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

namespace {

// nlohmann's what(): "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
// Keep only the part after the position, on one line.
std::string parseProblem(const char* what) {
    std::string s = what;
    if (const auto bracket = s.find("] "); bracket != std::string::npos) s = s.substr(bracket + 2);
    if (s.rfind("parse error", 0) == 0) {
        if (const auto colon = s.find(": "); colon != std::string::npos) s = s.substr(colon + 2);
    }
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '\r', ' ');
    return s;
}

}  // namespace

Result<nlohmann::json> parseJsonText(std::string_view text, const std::string& file) {
    try {
        return nlohmann::json::parse(text.begin(), text.end(), nullptr, true, true);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is the 1-based index of the last character read; point at that character.
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        return Error{file + ":" + std::to_string(lineOfOffset(text, offset)) +
                     ": malformed JSON: " + parseProblem(e.what())};
    } catch (const std::exception& e) {
        return Error{file + ": malformed JSON: " + parseProblem(e.what())};
    }
}

Result<std::string> readTextFile(const std::string& path) {
    std::string text, problem;
    if (!readBoundedFile(path, kTextFileLimit, text, problem)) return Error{path + ": " + problem};
    return text;
}

bool isAnnotationKey(std::string_view key) {
    return (!key.empty() && key[0] == '_') || key == "comment" || key == "notes" || key == "source" || key == "sources";
}

std::string pointerChild(const std::string& parent, std::string_view key) {
    std::string out = parent + "/";
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string pointerChild(const std::string& parent, std::size_t index) {
    return parent + "/" + std::to_string(index);
}

namespace {

// A forgiving recursive scanner that records where each value starts. It never throws and
// stops quietly on text it does not understand (the real parse has already reported that).
class Scanner {
public:
    Scanner(std::string_view text, std::map<std::string, int>& out) : t_(text), out_(out) {}

    void run() {
        skipSpace();
        value("", 0);
    }

private:
    void skipSpace() {
        while (i_ < t_.size()) {
            const char c = t_[i_];
            if (c == '\n') {
                ++line_;
                ++i_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++i_;
            } else if (c == '/' && i_ + 1 < t_.size() && t_[i_ + 1] == '/') {
                while (i_ < t_.size() && t_[i_] != '\n') ++i_;
            } else if (c == '/' && i_ + 1 < t_.size() && t_[i_ + 1] == '*') {
                i_ += 2;
                while (i_ < t_.size() && !(t_[i_] == '*' && i_ + 1 < t_.size() && t_[i_ + 1] == '/')) {
                    if (t_[i_] == '\n') ++line_;
                    ++i_;
                }
                i_ = std::min(i_ + 2, t_.size());
            } else {
                return;
            }
        }
    }

    // Reads a string token starting at '"'; returns its raw (unescaped enough for keys) text.
    std::string str() {
        std::string s;
        ++i_;  // opening quote
        while (i_ < t_.size() && t_[i_] != '"') {
            if (t_[i_] == '\\' && i_ + 1 < t_.size()) {
                const char e = t_[i_ + 1];
                if (e == 'u' && i_ + 5 < t_.size()) {
                    // Rare in keys; keep \uXXXX as the code unit for ASCII, else the raw escape.
                    const std::string hex(t_.substr(i_ + 2, 4));
                    const unsigned long cp = std::strtoul(hex.c_str(), nullptr, 16);
                    if (cp < 0x80)
                        s += static_cast<char>(cp);
                    else
                        s += std::string(t_.substr(i_, 6));
                    i_ += 6;
                    continue;
                }
                switch (e) {
                    case 'n':
                        s += '\n';
                        break;
                    case 't':
                        s += '\t';
                        break;
                    case 'r':
                        s += '\r';
                        break;
                    case 'b':
                        s += '\b';
                        break;
                    case 'f':
                        s += '\f';
                        break;
                    default:
                        s += e;
                        break;
                }
                i_ += 2;
                continue;
            }
            if (t_[i_] == '\n') ++line_;
            s += t_[i_++];
        }
        if (i_ < t_.size()) ++i_;  // closing quote
        return s;
    }

    bool value(const std::string& path, int depth) {
        if (i_ >= t_.size() || depth > 512) return false;
        out_[path] = line_;
        const char c = t_[i_];
        if (c == '{') {
            ++i_;
            skipSpace();
            if (i_ < t_.size() && t_[i_] == '}') {
                ++i_;
                return true;
            }
            while (i_ < t_.size()) {
                skipSpace();
                if (i_ >= t_.size() || t_[i_] != '"') return false;
                const std::string key = str();
                skipSpace();
                if (i_ >= t_.size() || t_[i_] != ':') return false;
                ++i_;
                skipSpace();
                if (!value(pointerChild(path, key), depth + 1)) return false;
                skipSpace();
                if (i_ < t_.size() && t_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (i_ < t_.size() && t_[i_] == '}') {
                    ++i_;
                    return true;
                }
                return false;
            }
            return false;
        }
        if (c == '[') {
            ++i_;
            skipSpace();
            if (i_ < t_.size() && t_[i_] == ']') {
                ++i_;
                return true;
            }
            std::size_t index = 0;
            while (i_ < t_.size()) {
                skipSpace();
                if (!value(pointerChild(path, index++), depth + 1)) return false;
                skipSpace();
                if (i_ < t_.size() && t_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (i_ < t_.size() && t_[i_] == ']') {
                    ++i_;
                    return true;
                }
                return false;
            }
            return false;
        }
        if (c == '"') {
            str();
            return true;
        }
        // number, true, false, null
        const std::size_t start = i_;
        while (i_ < t_.size() && std::strchr(",]} \t\r\n/", t_[i_]) == nullptr) ++i_;
        return i_ > start;
    }

    std::string_view t_;
    std::map<std::string, int>& out_;
    std::size_t i_ = 0;
    int line_ = 1;
};

}  // namespace

JsonLines::JsonLines(std::string_view text) {
    Scanner(text, lines_).run();
}

int JsonLines::line(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        if (const auto it = lines_.find(p); it != lines_.end()) return it->second;
        if (p.empty()) return 1;
        const auto slash = p.rfind('/');
        p.erase(slash == std::string::npos ? 0 : slash);
    }
}

std::string JsonLines::at(const std::string& file, const std::string& pointer, std::string_view problem) const {
    // One line whatever the quoted text holds: control characters become visible escapes.
    std::string out = file + ":" + std::to_string(line(pointer)) + ": ";
    for (char c : problem) {
        if (c == '\n')
            out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            out += '?';
        else
            out += c;
    }
    return out;
}

std::vector<std::filesystem::path> listFiles(const std::string& dir, const std::string& extension,
                                             std::vector<std::string>& errors) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == extension && it->is_regular_file(ec)) files.push_back(it->path());
    if (ec) errors.push_back(dir + ": cannot list: " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace la::io
