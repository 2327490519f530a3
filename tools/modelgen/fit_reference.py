#!/usr/bin/python3
"""Fits our parametric muscle sections to the measured reference figures and writes fitted_sections.inc.

Development tool (the generator itself never reads the reference figures): for every muscle of
shared/anatomy/reference_shapes.json (one adult male measured from BodyParts3D, (c) The Database Center for
Life Science, CC BY-SA 2.1 JP; left side, cm) and every measured level it finds the section of our own form
that best overlaps the measured one (IoU of the filled areas on a 1 mm grid):

  centre (cx, cz), rotation th (degrees, of the long axis u from +x towards +z), half-widths along u on its
  two sides (ap, am), depths across it on its two sides (bp, bm), a superellipse exponent n (2 = ellipse),
  and a bend k (the section's mid-line is v = k u^2: crescent-shaped sheets such as the gluteals).

Written out: those numbers per level and the measured height range, rounded to 0.1 mm / 0.1 degree.

  fit_reference.py [REFERENCE.json] [OUTPUT.inc] [--only id,id] [--check]
--only refits those muscles and keeps the others already in OUTPUT; --check only prints how well the fits in
OUTPUT match the measured silhouettes.
Defaults: ../shared/anatomy/reference_shapes.json beside the repository, fitted_sections.inc beside this file.
Needs python3-numpy."""
import json, math, os, sys
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
# Bones are built from the landmark table; the gluteals are draped fans (their measured sections are sheets
# cut into fragments).
SKIP = {'hip_bone', 'sacrum', 'femur', 'rib_11', 'rib_12', 'gluteus_medius', 'gluteus_minimus', 'gluteus_maximus'}
# Muscles measured as fragments of one outline: fit to the convex hull of the fragments.
CONVEX = {'quadratus_lumborum', 'psoas_major', 'iliacus', 'tensor_fasciae_latae', 'piriformis',
          'obturator_internus', 'gemellus_superior', 'gemellus_inferior', 'quadratus_femoris',
          'iliocostalis_lumborum', 'longissimus_thoracis', 'multifidus'}
# Muscles whose measured sections vary level to level (fragments of a long column): one pass of smoothing
# along the height, levels much smaller than both neighbours replaced by their mean.
SMOOTH = {'iliocostalis_lumborum', 'longissimus_thoracis', 'multifidus', 'latissimus_dorsi', 'external_oblique',
          'internal_oblique', 'transversus_abdominis', 'serratus_posterior_inferior'}
# Muscles whose measured sections are fragments that say little about the whole (the columns of the back):
# each level is a full superellipse (exponent 2.5) filling the silhouettes' extents at that height.
BOX = {'iliocostalis_lumborum', 'longissimus_thoracis', 'multifidus'}
# Columns thin from the side (the multifidus: 1-1.5 cm deep as measured) whose box levels are every 1 cm of height,
# smoothed in x only: every 2 cm and smoothed in depth too, they miss the measured extents from the side by a few
# millimetres between the levels; unsmoothed, their borders seen from behind wobble level by level.
BOX_EVERY_CM = {'multifidus'}
# Small muscles that run across rather than up (one to three measured levels): their sections' rotation, and at
# every 1 cm of height an ellipse of that rotation whose extents are the silhouettes' there.
ROWS = {'gemellus_superior', 'gemellus_inferior'}
# The sheets of the trunk wall: per 1 cm of height an arc around the trunk with a thickness (sheet.cpp), fitted to
# the silhouettes' extents there and lying on the measured section nearby.
SHEETS = {'latissimus_dorsi', 'serratus_posterior_inferior', 'external_oblique', 'internal_oblique',
          'transversus_abdominis'}
STEP = 0.1


def hull(points):
    pts = sorted(set(map(tuple, points)))
    if len(pts) < 3: return pts
    def cross(o, a, b): return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    lo, hi = [], []
    for p in pts:
        while len(lo) >= 2 and cross(lo[-2], lo[-1], p) <= 0: lo.pop()
        lo.append(p)
    for p in reversed(pts):
        while len(hi) >= 2 and cross(hi[-2], hi[-1], p) <= 0: hi.pop()
        hi.append(p)
    return lo[:-1] + hi[:-1]


def inside(loop, X, Z):
    """Even-odd fill of one loop on the grid."""
    res = np.zeros(X.shape, bool)
    n = len(loop)
    for i in range(n):
        (ax, az), (bx, bz) = loop[i - 1], loop[i]
        if az == bz: continue
        c = ((az > Z) != (bz > Z)) & (X < ax + (Z - az) / (bz - az) * (bx - ax))
        res ^= c
    return res


def gauge(p, X, Z):
    cx, cz, th, ap, am, bp, bm, n, k = p
    c, s = math.cos(th), math.sin(th)
    dx, dz = X - cx, Z - cz
    u = dx * c + dz * s
    v = -dx * s + dz * c
    w = v - k * u * u
    a = np.where(u >= 0, ap, am)
    b = np.where(w >= 0, bp, bm)
    return (np.abs(u / a) ** n + np.abs(w / b) ** n) ** (1.0 / n)


def unpack(q):
    cx, cz, th, lap, lam, lbp, lbm, n, k = q
    return [cx, cz, th, math.exp(lap), math.exp(lam), math.exp(lbp), math.exp(lbm), 1.5 + 4.5 / (1 + math.exp(-n)), k]


def nelder_mead(f, x0, scale, iters=600):
    n = len(x0)
    pts = [np.array(x0, float)] + [np.array(x0, float) + np.eye(n)[i] * scale[i] for i in range(n)]
    vals = [f(p) for p in pts]
    for _ in range(iters):
        order = np.argsort(vals); pts = [pts[i] for i in order]; vals = [vals[i] for i in order]
        c = np.mean(pts[:-1], axis=0)
        xr = c + (c - pts[-1]); fr = f(xr)
        if fr < vals[0]:
            xe = c + 2 * (c - pts[-1]); fe = f(xe)
            pts[-1], vals[-1] = (xe, fe) if fe < fr else (xr, fr)
        elif fr < vals[-2]:
            pts[-1], vals[-1] = xr, fr
        else:
            xc = c + 0.5 * (pts[-1] - c); fc = f(xc)
            if fc < vals[-1]:
                pts[-1], vals[-1] = xc, fc
            else:
                pts = [pts[0] + 0.5 * (p - pts[0]) for p in pts]; vals = [f(p) for p in pts]
        if max(vals) - min(vals) < 1e-5: break
    i = int(np.argmin(vals))
    return pts[i], vals[i]


def interval_iou(a, b):
    inter = max(0.0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def fit_section(loops, xr=None, zr=None):
    """The parameters whose outline overlaps the measured loops best; xr / zr: the silhouettes' extents at this
    height (from behind / from the side), matched too when given."""
    pts = np.array([p for l in loops for p in l], float)
    lo, hi = pts.min(0) - 1.5, pts.max(0) + 1.5
    if xr: lo[0], hi[0] = min(lo[0], xr[0] - 1.0), max(hi[0], xr[1] + 1.0)
    if zr: lo[1], hi[1] = min(lo[1], zr[0] - 1.0), max(hi[1], zr[1] + 1.0)
    xs = np.arange(lo[0], hi[0], STEP); zs = np.arange(lo[1], hi[1], STEP)
    X, Z = np.meshgrid(xs, zs)
    target = np.zeros(X.shape, bool)
    for l in loops: target |= inside(l, X, Z)
    if target.sum() < 3: return None, 0.0
    # Start: the area moments.
    mx, mz = X[target].mean(), Z[target].mean()
    cov = np.cov(np.c_[X[target] - mx, Z[target] - mz].T)
    ev, evec = np.linalg.eigh(cov)
    ax = evec[:, 1]
    if ax[0] < 0: ax = -ax
    th = math.atan2(ax[1], ax[0])
    a0 = max(2.0 * math.sqrt(ev[1]), 0.2); b0 = max(2.0 * math.sqrt(ev[0]), 0.15)
    q0 = [mx, mz, th, math.log(a0), math.log(a0), math.log(b0), math.log(b0), 0.0, 0.0]
    tf = target.astype(float)

    def cost(q):
        p = unpack(q)
        g = gauge(p, X, Z)
        soft = 1.0 / (1.0 + np.exp(np.clip((g - 1.0) * min(p[3:7]) / 0.04, -30, 30)))
        inter = (soft * tf).sum(); union = soft.sum() + tf.sum() - inter
        c = -inter / union
        if xr or zr:
            hard = g < 1.0
            if not hard.any(): return c + 1.0
            if xr: c -= 0.5 * interval_iou((X[hard].min(), X[hard].max() + STEP), xr)
            if zr: c -= 0.5 * interval_iou((Z[hard].min(), Z[hard].max() + STEP), zr)
        return c
    best, val = nelder_mead(cost, q0, [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 1.0, 0.05])
    best, val = nelder_mead(cost, best, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5, 0.02])
    p = unpack(best)
    hard = gauge(p, X, Z) < 1.0
    iou = (hard & target).sum() / max((hard | target).sum(), 1)
    return p, iou


def canonical(p, prev):
    """The same outline with u turned by 180 degrees when that keeps the rotation close to the level below."""
    cx, cz, th, ap, am, bp, bm, n, k = p
    def wrap(a): return (a + math.pi) % (2 * math.pi) - math.pi
    th = wrap(th)
    ref = prev[2] if prev else 0.0
    if abs(wrap(th + math.pi - ref)) < abs(wrap(th - ref)):
        th, ap, am, bp, bm, k = wrap(th + math.pi), am, ap, bm, bp, -k
    if prev:  # unwrap next to the level below
        while th - prev[2] > math.pi: th -= 2 * math.pi
        while th - prev[2] < -math.pi: th += 2 * math.pi
    return [cx, cz, th, ap, am, bp, bm, n, k]


def num(v, nd=2):
    s = f'{round(v, nd):.{nd}f}'.rstrip('0')
    s = s + '0' if s.endswith('.') else s
    return ('0.0' if s == '-0.0' else s) + 'f'


def area(p):
    return (p[3] + p[4]) * (p[5] + p[6])


def smoothed(levels, keep=()):
    """levels: (y, params, iou); one pass of [1/4, 1/2, 1/4] along the height, fragments first filled in; the
    parameters whose indices are in keep (cz 1, bp 5, bm 6: the extents from the side) are left as they are."""
    L = [(y, list(p), i) for y, p, i in levels]
    for j in range(1, len(L) - 1):
        if area(L[j][1]) < 0.45 * 0.5 * (area(L[j - 1][1]) + area(L[j + 1][1])):
            L[j] = (L[j][0], [0.5 * (a + b) for a, b in zip(L[j - 1][1], L[j + 1][1])], L[j][2])
    out = list(L)
    for j in range(1, len(L) - 1):
        out[j] = (L[j][0], [v if k in keep else 0.5 * v + 0.25 * (a + b)
                            for k, (v, a, b) in enumerate(zip(L[j][1], L[j - 1][1], L[j + 1][1]))], L[j][2])
    return out


def extent(rows, y):
    for row in rows:
        if row['y'] == y and row['spans']:
            return (min(a for a, _ in row['spans']), max(b for _, b in row['spans']))
    return None


def box_levels(r, every_cm=False):
    levels = []
    ys = sorted({row['y'] for row in r['back_rows_x']} & {row['y'] for row in r['side_rows_z']})
    for y in ys:
        if round(y) % 2 and not every_cm: continue
        xr, zr = extent(r['back_rows_x'], y), extent(r['side_rows_z'], y)
        if not xr or not zr: continue
        a, b = (xr[1] - xr[0]) / 2, (zr[1] - zr[0]) / 2
        levels.append((y, [(xr[0] + xr[1]) / 2, (zr[0] + zr[1]) / 2, 0.0, a, a, b, b, 2.5, 0.0], 1.0))
    return levels


def row_levels(r, convex):
    secs = fit_muscle(r, convex)
    th = float(np.mean([p[2] for _, p, _ in secs])) if secs else 0.0
    c2, s2 = math.cos(th) ** 2, math.sin(th) ** 2
    levels = []
    ys = sorted({row['y'] for row in r['back_rows_x']} & {row['y'] for row in r['side_rows_z']})
    for y in ys:
        xr, zr = extent(r['back_rows_x'], y), extent(r['side_rows_z'], y)
        if not xr or not zr: continue
        hx, hz = (xr[1] - xr[0]) / 2, (zr[1] - zr[0]) / 2
        # Half-extents of an ellipse turned by th: hx^2 = A c^2 + B s^2, hz^2 = A s^2 + B c^2 (A = a^2, B = b^2).
        det = c2 * c2 - s2 * s2
        if abs(det) > 0.2:
            A = (hx * hx * c2 - hz * hz * s2) / det
            B = (hz * hz * c2 - hx * hx * s2) / det
        else:
            A = B = 0.5 * (hx * hx + hz * hz)
        a, b = math.sqrt(max(A, 0.09)), math.sqrt(max(B, 0.09))
        levels.append((y, [(xr[0] + xr[1]) / 2, (zr[0] + zr[1]) / 2, th, a, a, b, b, 2.0, 0.0], 1.0))
    return levels


def fit_muscle(r, convex, box=False, rows=False, every_cm=False):
    if box: return box_levels(r, every_cm)
    if rows: return row_levels(r, convex)
    levels = []
    for s in r['sections_every_2cm']:
        loops = [l for l in s['loops_xz'] if len(l) >= 3]
        if not loops: continue
        if convex: loops = [hull([p for l in loops for p in l])]
        p, iou = fit_section(loops, extent(r['back_rows_x'], s['y']), extent(r['side_rows_z'], s['y']))
        if p is None: continue
        p = canonical(p, levels[-1][1] if levels else None)
        levels.append((s['y'], p, iou))
    return levels


def clamped_catmull(p0, p1, p2, p3, t):
    v = 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t + (-p0 + 3 * p1 - 3 * p2 + p3) * t ** 3)
    return min(max(v, min(p1, p2)), max(p1, p2))


def params_at(levels, ylo, yhi, y):
    """As the generator interpolates (reference.cpp): the parameters and the size scale at height y."""
    ys = [L[0] for L in levels]; P = [L[1:] for L in levels]
    if y < ylo or y > yhi: return None, 0.0
    if len(ys) == 1 or y <= ys[0]:
        t = (ys[0] - y) / (ys[0] - ylo) if ys[0] > ylo else 0.0
        return P[0], 1 - 0.55 * min(max(t, 0), 1) ** 2
    if y >= ys[-1]:
        t = (y - ys[-1]) / (yhi - ys[-1]) if yhi > ys[-1] else 0.0
        return P[-1], 1 - 0.55 * min(max(t, 0), 1) ** 2
    i = max(0, min(int(np.searchsorted(ys, y, side='right')) - 1, len(ys) - 2))
    t = (y - ys[i]) / (ys[i + 1] - ys[i])
    out = []
    for k in range(9):
        p1, p2 = P[i][k], P[i + 1][k]
        p0 = P[i - 1][k] if i > 0 else p1; p3 = P[i + 2][k] if i + 2 < len(ys) else p2
        out.append(clamped_catmull(p0, p1, p2, p3, t))
    return out, 1.0


def predicted_rows(fit, ys):
    """The x and z spans of the fitted body at each height (the silhouettes shapecheck compares)."""
    back, side = {}, {}
    for y in ys:
        p, sc = params_at(fit['levels'], fit['ylo'], fit['yhi'], y)
        if p is None: back[y] = side[y] = []; continue
        p = list(p); p[3:7] = [v * sc for v in p[3:7]]
        r = min(max(p[3:7]) * 2 + abs(p[8]) * max(p[3:5]) ** 2 + 0.5, 25.0)
        xs = np.arange(p[0] - r, p[0] + r, 0.05); zs = np.arange(p[1] - r, p[1] + r, 0.05)
        X, Z = np.meshgrid(xs, zs)
        m = gauge(p, X, Z) < 1.0
        for axis, out, vals in ((0, back, xs), (1, side, zs)):
            cov = m.any(axis=axis)
            e = np.flatnonzero(np.diff(np.r_[0, cov.astype(int), 0]))
            out[y] = [(vals[e[i]], vals[min(e[i + 1], len(vals) - 1)]) for i in range(0, len(e), 2)]
    return back, side


def row_iou(ref_rows, got):
    inter = union = 0.0
    for r in ref_rows:
        A = [tuple(s) for s in r['spans']]; B = got.get(r['y'], [])
        xs = sorted({v for s in A + B for v in s})
        for x0, x1 in zip(xs, xs[1:]):
            m = (x0 + x1) / 2; a = any(lo <= m < hi for lo, hi in A); b = any(lo <= m < hi for lo, hi in B)
            inter += (x1 - x0) * (a and b); union += (x1 - x0) * (a or b)
    return inter / union if union else 0.0


def check(fit, r):
    ys = sorted({row['y'] for row in r['back_rows_x']} | {row['y'] for row in r['side_rows_z']})
    back, side = predicted_rows(fit, ys)
    return row_iou(r['back_rows_x'], back), row_iou(r['side_rows_z'], side)


SHEET_N = 40


def sheet_curve(p, ns=SHEET_N):
    """The middle line of a sheet level (as sheet.cpp draws it): x0, a, zc, bf, bb, th0, th1 (degrees)."""
    x0, a, zc, bf, bb, t0, t1 = p[:7]
    th = np.radians(np.linspace(t0, t1, ns))
    s, c = np.sin(th), np.cos(th)
    e = 2.0 / 2.4
    x = x0 + a * np.sign(s) * np.abs(s) ** e
    z = zc + np.where(c >= 0, bf, bb) * np.sign(c) * np.abs(c) ** e
    return x, z


def sheet_extents(p):
    x, z = sheet_curve(p, 80)
    h = p[7] / 2
    return (x.min() - h, x.max() + h), (z.min() - h, z.max() + h)


def polyline_distance(P, x, z):
    A = np.c_[x[:-1], z[:-1]]; B = np.c_[x[1:], z[1:]]
    AB = B - A; L2 = (AB ** 2).sum(1) + 1e-9
    AP = P[:, None, :] - A[None]
    t = np.clip((AP * AB[None]).sum(2) / L2[None], 0, 1)
    Q = A[None] + t[..., None] * AB[None]
    return np.sqrt(((P[:, None, :] - Q) ** 2).sum(2)).min(1)


def nearest_section(r, y):
    return min(r['sections_every_2cm'], key=lambda s: abs(s['y'] - y))


def section_points(r, y):
    """The measured outline points (every 3 mm) of the section within 1 cm of y, and the weight it gets."""
    s = nearest_section(r, y)
    if abs(s['y'] - y) > 1.01: return None, 0.0
    pts = []
    for l in s['loops_xz']:
        if len(l) < 3: continue
        for i in range(len(l)):
            a, b = np.array(l[i - 1], float), np.array(l[i], float)
            n = max(1, int(np.linalg.norm(b - a) / 0.3))
            pts += [a + (b - a) * k / n for k in range(n)]
    return (np.array(pts) if pts else None), (1.0 if abs(s['y'] - y) < 0.1 else 0.4)


def section_thickness(r, y):
    """A thin sheet's area is about its length times its thickness, its perimeter twice its length."""
    A = P = 0.0
    for l in nearest_section(r, y)['loops_xz']:
        if len(l) < 3: continue
        for i in range(len(l)):
            (ax, az), (bx, bz) = l[i - 1], l[i]
            A += 0.5 * (ax * bz - bx * az); P += math.hypot(bx - ax, bz - az)
    return min(max(2 * abs(A) / max(P, 1e-3), 0.4), 1.5)


def fit_sheet_row(r, y, prev):
    xr, zr = extent(r['back_rows_x'], y), extent(r['side_rows_z'], y)
    P, w = section_points(r, y)
    T = section_thickness(r, y)
    zc = 0.5 * (zr[0] + zr[1])
    starts = [[xr[0], xr[1] - xr[0], zr[1], 1.0, zr[1] - zr[0], 95.0, 178.0],   # from the side round the back
              [xr[0], xr[1] - xr[0], zc, zr[1] - zc, zc - zr[0], 3.0, 150.0],    # from the front round the side
              [xr[0], xr[1] - xr[0], zr[0], zr[1] - zr[0], 1.0, 3.0, 88.0]]      # the front only
    if prev is not None: starts.insert(0, list(prev[:7]))

    def cost(q):
        p = list(q) + [T]
        if p[1] < 0.3 or p[3] < 0.2 or p[4] < 0.2 or p[6] - p[5] < 3 or p[5] < -5 or p[6] > 185: return 10.0
        ex, ez = sheet_extents(p)
        c = -interval_iou(ex, xr) - interval_iou(ez, zr)
        if P is not None:
            x, z = sheet_curve(p)
            c += w * 0.3 * np.maximum(polyline_distance(P, x, z) - p[7] / 2, 0).mean()
        if prev is not None:
            c += 0.01 * sum(abs(a - b) / sc for a, b, sc in zip(p, prev, [1, 1, 1, 1, 1, 20, 20]))
        return c
    res = []
    for p0 in starts:
        best, val = nelder_mead(cost, p0, [0.5, 0.5, 0.5, 0.5, 0.5, 8, 8], iters=600)
        best, val = nelder_mead(cost, best, [0.2, 0.2, 0.2, 0.2, 0.2, 3, 3], iters=400)
        res.append((val, list(best)))
    return min(res)[1] + [T]


def fit_sheet(r):
    ys = sorted({row['y'] for row in r['back_rows_x'] if row['spans']} &
                {row['y'] for row in r['side_rows_z'] if row['spans']})
    levels, prev = [], None
    for y in ys:
        prev = fit_sheet_row(r, y, prev)
        levels.append([y] + prev)
    return {'ylo': r['bbox_min'][1], 'yhi': r['bbox_max'][1], 'levels': levels}


def check_sheet(fit, r):
    back, side = {}, {}
    by_y = {round(L[0], 1): L[1:] for L in fit['levels']}
    for row in r['back_rows_x']:
        p = by_y.get(round(row['y'], 1))
        back[row['y']], side[row['y']] = ([], []) if p is None else [[e] for e in sheet_extents(p)]
    return row_iou(r['back_rows_x'], back), row_iou(r['side_rows_z'], side)


def read_inc(path):
    """The fits already written to an output file (so --only refits some muscles and keeps the rest)."""
    fits, cur = {}, None
    for line in open(path):
        line = line.strip()
        for kind, prefix in (('muscle', 'inline constexpr FitLevel k_'), ('sheet', 'inline constexpr SheetLevel k_')):
            if line.startswith(prefix):
                cur = line[len(prefix):line.index('[')]
                fits[cur] = {'levels': [], 'sheet': kind == 'sheet'}
                break
        else:
            if line.startswith('{"'):
                sid, ylo, yhi = line[2:].split('"')[0], *line.split(',')[1:3]
                fits[sid]['ylo'], fits[sid]['yhi'] = float(ylo.strip(' f')), float(yhi.strip(' f'))
            elif cur and line.startswith('{'):
                v = [float(t.strip(' f{}')) for t in line.rstrip(',').strip('{}').split(',')]
                if not fits[cur]['sheet']: v[3] = math.radians(v[3])
                fits[cur]['levels'].append(v)
            elif line.startswith('};'):
                cur = None
    return fits


def write_inc(fits, out):
    lines = ['// Generated by tools/modelgen/fit_reference.py; do not edit by hand.',
             '// Our own parametric sections, fitted to the horizontal sections measured from one adult male',
             '// (BodyParts3D, (c) The Database Center for Life Science, CC Attribution-Share Alike 2.1 Japan):',
             '// per level y, centre cx cz, rotation th (deg), half-widths ap am, depths bp bm, exponent n, bend k;',
             '// per muscle the measured height range. Left side, cm, landmark frame of FACTS.md.',
             '// Sheets (fitted_types.h, sheet.cpp): per level y, x0 a zc bf bb of the arc, its angles th0 th1 (deg),',
             '// thickness t.']
    entries, sheets = [], []
    for sid in sorted(fits):
        f = fits[sid]
        if f.get('sheet'):
            lines.append(f'inline constexpr SheetLevel k_{sid}[] = {{')
            for L in f['levels']:
                lines.append('    {' + ', '.join([num(L[0], 1)] + [num(v) for v in L[1:6]] +
                                                 [num(v, 1) for v in L[6:8]] + [num(L[8])]) + '},')
            lines.append('};')
            sheets.append(f'    {{"{sid}", {num(f["ylo"], 1)}, {num(f["yhi"], 1)}, k_{sid}, std::size(k_{sid})}},')
            continue
        lines.append(f'inline constexpr FitLevel k_{sid}[] = {{')
        for L in f['levels']:
            y, cx, cz, th, ap, am, bp, bm, n, k = L
            lines.append('    {' + ', '.join([num(y, 1), num(cx), num(cz), num(math.degrees(th), 1), num(ap), num(am),
                                               num(bp), num(bm), num(n), num(k, 3)]) + '},')
        lines.append('};')
        entries.append(f'    {{"{sid}", {num(f["ylo"], 1)}, {num(f["yhi"], 1)}, k_{sid}, std::size(k_{sid})}},')
    lines.append('inline constexpr FitMuscle kFittedMuscles[] = {')
    lines += entries
    lines.append('};')
    lines.append('inline constexpr FitSheet kFittedSheets[] = {')
    lines += sheets
    lines.append('};')
    open(out, 'w').write('\n'.join(lines) + '\n')


def main():
    argv = sys.argv[1:]
    only = None
    if '--only' in argv:
        i = argv.index('--only')
        only = set(argv[i + 1].split(','))
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith('--')]
    ref = args[0] if args else os.path.join(HERE, '..', '..', '..', 'shared', 'anatomy', 'reference_shapes.json')
    out = args[1] if len(args) > 1 else os.path.join(HERE, 'fitted_sections.inc')
    data = json.load(open(ref))
    fits = read_inc(out) if (only or '--check' in argv) and os.path.exists(out) else {}
    if '--check' in argv:
        for sid in sorted(fits):
            if only and sid not in only: continue
            b, sd = (check_sheet if fits[sid].get('sheet') else check)(fits[sid], data[sid])
            print(f'{sid:28s} back {b:.2f} side {sd:.2f}')
        return
    for sid, r in data.items():
        if sid.startswith('_') or sid in SKIP or sid.startswith('vertebra_'): continue
        if only and sid not in only: continue
        if sid in SHEETS:
            fits[sid] = fit_sheet(r)
            fits[sid]['sheet'] = True
            b, sd = check_sheet(fits[sid], r)
            print(f'{sid:28s} sheet, levels {len(fits[sid]["levels"]):2d}; silhouettes back {b:.2f} side {sd:.2f}',
                  file=sys.stderr)
            write_inc(fits, out)
            continue
        levels = fit_muscle(r, sid in CONVEX, sid in BOX, sid in ROWS, sid in BOX_EVERY_CM)
        if sid in BOX_EVERY_CM:
            levels = smoothed(levels, keep=(1, 5, 6))  # smooth from behind; from the side every 1 cm as measured
        elif sid in SMOOTH:
            levels = smoothed(levels)
        fits[sid] = {'ylo': r['bbox_min'][1], 'yhi': r['bbox_max'][1], 'levels': [[y] + p for y, p, _ in levels]}
        b, sd = check(fits[sid], r)
        print(f'{sid:28s} levels {len(levels):2d} section IoU mean {np.mean([i for *_, i in levels]):.2f} '
              f'min {min(i for *_, i in levels):.2f}; silhouettes back {b:.2f} side {sd:.2f}', file=sys.stderr)
        write_inc(fits, out)  # after every muscle: a long run can be stopped



if __name__ == '__main__':
    main()
