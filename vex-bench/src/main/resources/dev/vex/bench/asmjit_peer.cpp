// The asmjit peer of Vex's compile benchmarks, built by `vex bench` against Debian's
// libasmjit-dev (a static, non-PIC library: hence a program, not a library JMH could call).
//
//   asmjit_peer compiler PROGRAM SECONDS ITERATIONS   x86::Compiler on AsmjitProgram's encoding of
//                                                      the large workload: virtual registers,
//                                                      register allocation, encoding
//   asmjit_peer assembler SECONDS ITERATIONS           x86::Assembler on X64AssemblerBenchmark's mix
//   asmjit_peer run PROGRAM FUNCTION A B               compiles, runs FUNCTION(A, B), prints the
//                                                      result (the check that the peer compiles
//                                                      the program Vex compiles)
//
// The timed modes warm up for SECONDS, then print one rate (IR or machine instructions per
// second) per iteration of SECONDS each; the Java side takes the median, as JMH does.
#include <asmjit/x86.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

using namespace asmjit;

namespace {

enum { ICONST = 1, BIN = 2, BINIMM = 3, ICMP_SLT = 4, JUMP = 5, BRIF = 6, RETURN = 7 };
enum { ADD = 0, SUB = 1, MUL = 2, XOR = 3, SHL = 4 };

struct Reader {
  const std::vector<int32_t> &p;
  size_t at = 0;
  int32_t next() { return p.at(at++); }
  void skipArgs() {  // a count, then that many numbers
    int32_t n = next();
    at += n;
  }
};

// Block parameters become virtual registers that every branch into the block assigns (the
// phi moves a compiler without SSA would write; asmjit's allocator coalesces what it can).
void blockCall(x86::Compiler &cc, Reader &r, std::vector<x86::Gp> &values, std::vector<Label> &labels,
               std::vector<std::vector<int32_t>> &params) {
  int32_t target = r.next();
  int32_t n = r.next();
  std::vector<x86::Gp> temps;
  for (int32_t i = 0; i < n; i++) {
    x86::Gp t = cc.newInt64();
    cc.mov(t, values[r.next()]);  // parallel copy: read every argument before writing a parameter
    temps.push_back(t);
  }
  for (int32_t i = 0; i < n; i++) {
    cc.mov(values[params[target][i]], temps[i]);
  }
  cc.jmp(labels[target]);
}

// Returns the number of IR instructions; `code` holds the encoded functions afterwards.
size_t compileModule(const std::vector<int32_t> &program, CodeHolder &code, std::vector<FuncNode *> *funcs) {
  x86::Compiler cc(&code);
  Reader r{program};
  size_t instructions = 0;
  int32_t functions = r.next();
  for (int32_t f = 0; f < functions; f++) {
    int32_t nparams = r.next();
    int32_t nvalues = r.next();
    int32_t nblocks = r.next();
    FuncNode *fn = cc.addFunc(FuncSignatureT<int64_t, int64_t, int64_t>());
    if (funcs) funcs->push_back(fn);
    std::vector<x86::Gp> values(nvalues);
    for (auto &v : values) v = cc.newInt64();
    std::vector<Label> labels(nblocks);
    for (auto &l : labels) l = cc.newLabel();
    // Block parameters, read ahead: a branch may come before its target's header.
    std::vector<std::vector<int32_t>> params(nblocks);
    size_t body = r.at;
    for (int32_t b = 0; b < nblocks; b++) {
      int32_t id = r.next();
      int32_t np = r.next();
      for (int32_t i = 0; i < np; i++) params[id].push_back(r.next());
      int32_t ninst = r.next();
      for (int32_t i = 0; i < ninst; i++) {
        switch (r.next()) {
          case ICONST: r.at += 3; break;
          case BIN: r.at += 4; break;
          case BINIMM: r.at += 4; break;
          case ICMP_SLT: r.at += 3; break;
          case JUMP: r.next(); r.skipArgs(); break;
          case BRIF: r.next(); r.next(); r.skipArgs(); r.next(); r.skipArgs(); break;
          case RETURN: r.next(); break;
          default: std::abort();
        }
      }
    }
    r.at = body;
    for (int32_t i = 0; i < nparams && i < 2; i++) fn->setArg(i, values[params[0][i]]);
    for (int32_t b = 0; b < nblocks; b++) {
      int32_t id = r.next();
      r.skipArgs();  // the parameters, read above
      cc.bind(labels[id]);
      int32_t ninst = r.next();
      instructions += ninst;
      for (int32_t i = 0; i < ninst; i++) {
        switch (r.next()) {
          case ICONST: {
            x86::Gp d = values[r.next()];
            uint32_t lo = (uint32_t) r.next();
            uint32_t hi = (uint32_t) r.next();
            cc.mov(d, (int64_t) (((uint64_t) hi << 32) | lo));
            break;
          }
          case BIN: {
            int32_t op = r.next();
            x86::Gp d = values[r.next()], a = values[r.next()], b2 = values[r.next()];
            x86::Gp t = cc.newInt64();  // a and b may be d: compute into a fresh register
            cc.mov(t, a);
            switch (op) {
              case ADD: cc.add(t, b2); break;
              case SUB: cc.sub(t, b2); break;
              case MUL: cc.imul(t, b2); break;
              default: cc.xor_(t, b2); break;
            }
            cc.mov(d, t);
            break;
          }
          case BINIMM: {
            int32_t op = r.next();
            x86::Gp d = values[r.next()], a = values[r.next()];
            int32_t imm = r.next();
            cc.mov(d, a);
            if (op == ADD) cc.add(d, imm); else cc.shl(d, imm & 63);
            break;
          }
          case ICMP_SLT: {
            x86::Gp d = values[r.next()], a = values[r.next()], b2 = values[r.next()];
            cc.xor_(d.r32(), d.r32());
            cc.cmp(a, b2);
            cc.setl(d.r8());
            break;
          }
          case JUMP:
            blockCall(cc, r, values, labels, params);
            break;
          case BRIF: {
            x86::Gp c = values[r.next()];
            Label otherwise = cc.newLabel();
            cc.test(c, c);
            cc.jz(otherwise);
            blockCall(cc, r, values, labels, params);
            cc.bind(otherwise);
            blockCall(cc, r, values, labels, params);
            break;
          }
          case RETURN:
            cc.ret(values[r.next()]);
            break;
        }
      }
    }
    cc.endFunc();
  }
  if (cc.finalize() != kErrorOk) {
    std::fprintf(stderr, "asmjit_peer: finalize failed\n");
    std::exit(2);
  }
  return instructions;
}

// X64AssemblerBenchmark.emitBlock, instruction for instruction (41 per block).
void emitBlock(x86::Assembler &a, Label top, Label exit, Label callee, int i) {
  using namespace x86;
  Mem slot0 = qword_ptr(rsp, 8), slot1 = qword_ptr(rsp, 0x80), field = qword_ptr(rdi, 16);
  Mem element = qword_ptr(rsi, rcx, 3, 0), frame = qword_ptr(rbp, -24), far = qword_ptr(r12, r13, 2, 0x1000);
  a.push(rbp); a.mov(rbp, rsp); a.sub(rsp, 0x40);
  a.mov(rax, field); a.mov(rcx, slot0); a.add(rax, rcx); a.add(rax, 8); a.mov(slot1, rax);
  a.cmp(rax, i); a.jge(exit);
  a.lea(rdx, element); a.mov(r8, element); a.imul(r8, r9); a.sub(r8, 1000); a.and_(r8d, 0xFF);
  a.test(r8, r8); a.jne(top);
  a.movzx(eax, sil); a.movsxd(r10, ecx); a.shl(r10, 3); a.xor_(eax, eax); a.setl(al);
  a.cmove(rax, rdx); a.mov(frame, r11); a.mov(r11, far); a.inc(rcx); a.cmp(rcx, rdx);
  a.jb(top); a.mov(rdi, rbx); a.call(callee);
  a.movsd(xmm0, slot0); a.addsd(xmm0, xmm1); a.mulsd(xmm0, field); a.cvtsi2sd(xmm2, rax); a.ucomisd(xmm0, xmm2);
  a.ja(exit); a.cvttsd2si(rax, xmm0); a.movsd(slot1, xmm0);
  a.mov(rsp, rbp); a.pop(rbp); a.ret();
}

constexpr int kBlock = 41, kRepeats = 25;

size_t encodeMix(CodeHolder &code) {
  x86::Assembler a(&code);
  Label top = a.newLabel(), exit = a.newLabel(), callee = a.newLabel();
  a.bind(callee);
  a.bind(top);
  for (int i = 0; i < kRepeats; i++) emitBlock(a, top, exit, callee, i);
  a.bind(exit);
  return kBlock * kRepeats;
}

using Clock = std::chrono::steady_clock;

// Repeats `pass` (which returns the instructions it handled) for `seconds`, then prints one rate
// per iteration.
template <typename Pass>
void timed(double seconds, int iterations, Pass pass) {
  auto run = [&](double s) {
    auto t0 = Clock::now();
    double done = 0;
    double elapsed;
    do {
      done += (double) pass();
      elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    } while (elapsed < s);
    return done / elapsed;
  };
  run(seconds);  // warm-up
  for (int i = 0; i < iterations; i++) std::printf("%.1f\n", run(seconds));
}

std::vector<int32_t> readProgram(const char *path) {
  std::ifstream in(path);
  std::vector<int32_t> p;
  long long v;
  while (in >> v) p.push_back((int32_t) v);
  return p;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc >= 5 && std::string(argv[1]) == "compiler") {
    std::vector<int32_t> program = readProgram(argv[2]);
    timed(std::atof(argv[3]), std::atoi(argv[4]), [&] {
      CodeHolder code;
      code.init(Environment::host());
      return compileModule(program, code, nullptr);
    });
    return 0;
  }
  if (argc >= 4 && std::string(argv[1]) == "assembler") {
    CodeHolder code;
    timed(std::atof(argv[2]), std::atoi(argv[3]), [&] {
      code.reset();
      code.init(Environment::host());
      return encodeMix(code);
    });
    return 0;
  }
  if (argc >= 6 && std::string(argv[1]) == "run") {
    std::vector<int32_t> program = readProgram(argv[2]);
    JitRuntime rt;
    CodeHolder code;
    code.init(rt.environment());
    std::vector<FuncNode *> funcs;
    compileModule(program, code, &funcs);
    void *base;
    if (rt.add(&base, &code) != kErrorOk) return 2;
    int index = std::atoi(argv[3]);
    uint64_t offset = code.labelOffsetFromBase(funcs.at(index)->label());
    auto fn = (int64_t(*)(int64_t, int64_t))((uint8_t *) base + offset);
    std::printf("%lld\n", (long long) fn(std::atoll(argv[4]), std::atoll(argv[5])));
    return 0;
  }
  std::fprintf(stderr, "usage: asmjit_peer compiler PROGRAM SECONDS ITERATIONS | assembler SECONDS ITERATIONS"
                       " | run PROGRAM INDEX A B\n");
  return 2;
}
