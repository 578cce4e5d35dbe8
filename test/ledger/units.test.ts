import { describe, expect, it } from 'vitest';
import { resolveUnit, toLedger, parseText, type LedgerRow } from '../../src/index.js';
import { GANSU, JINCHANG, YONGCHANG, WUWEI, QINGYANG } from './helpers.js';

const one = (raw: string, region?: string) => {
  const r = resolveUnit(raw, { region });
  expect(r.units).toHaveLength(1);
  return r.units[0];
};

describe('resolveUnit: region context, aliases, kinds', () => {
  it.each([
    // [raw, plan region, canonical, kind, name]
    ['市司法局', '金昌市', '金昌市司法局', 'agency', '司法局'],
    ['司法局', '永昌县', '永昌县司法局', 'agency', '司法局'],
    ['市发改委', '金昌市', '金昌市发展和改革委员会', 'agency', '发展和改革委员会'],
    ['市发展改革委', '武威市', '武威市发展和改革委员会', 'agency', '发展和改革委员会'],
    ['县发改局', '永昌县', '永昌县发展和改革局', 'agency', '发展和改革局'],
    ['市卫健委', '金昌市', '金昌市卫生健康委员会', 'agency', '卫生健康委员会'],
    ['市卫生健康委', '庆阳市', '庆阳市卫生健康委员会', 'agency', '卫生健康委员会'],
    ['县卫健局', '永昌县', '永昌县卫生健康局', 'agency', '卫生健康局'],
    ['市场监管局', '永昌县', '永昌县市场监督管理局', 'agency', '市场监督管理局'], // 市场…, not 市 + 场监管局
    ['市市场监管局', '金昌市', '金昌市市场监督管理局', 'agency', '市场监督管理局'],
    ['市人社局', '金昌市', '金昌市人力资源和社会保障局', 'agency', '人力资源和社会保障局'],
    ['市大数据中心', '金昌市', '金昌市大数据中心', 'agency', '大数据中心'],
    ['县数据局', '永昌县', '永昌县数据局', 'agency', '数据局'],
    ['省工信厅', '甘肃省', '甘肃省工业和信息化厅', 'agency', '工业和信息化厅'],
    ['市政府办公室', '金昌市', '金昌市人民政府办公室', 'agency', '人民政府办公室'],
    ['永昌县政府办公室', '永昌县', '永昌县人民政府办公室', 'agency', '人民政府办公室'],
    ['省政府办公厅', '甘肃省', '甘肃省人民政府办公厅', 'agency', '人民政府办公厅'],
    ['市司法局', '永昌县', '金昌市司法局', 'agency', '司法局'], // 市 in a county plan is the parent city
    ['永昌县', '金昌市', '永昌县人民政府', 'government', '人民政府'],
    ['金川区政府', '金昌市', '金川区人民政府', 'government', '人民政府'],
    ['市政府各部门、单位', '金昌市', '金昌市人民政府各部门、单位', 'collective', '人民政府各部门、单位'],
    ['政府各部门、单位', '永昌县', '永昌县人民政府各部门、单位', 'collective', '人民政府各部门、单位'],
    ['各县区政府', '庆阳市', '庆阳市各县（区）人民政府', 'collective', '各县（区）人民政府'],
    ['各县、区人民政府', '武威市', '武威市各县（区）人民政府', 'collective', '各县（区）人民政府'],
    ['中央、省属在金有关单位', '金昌市', '中央、省属在金有关单位', 'collective', '中央、省属在金有关单位'],
    ['中央、省在金有关单位', '金昌市', '中央、省属在金有关单位', 'collective', '中央、省属在金有关单位'],
    ['市直各部门', '某某市', '某某市直属各部门', 'collective', '直属各部门'],
  ])('%s in a %s plan → %s', (raw, region, canonical, kind, name) => {
    expect(one(raw, region)).toMatchObject({ raw, canonical, kind, name });
  });

  it('keeps raw exactly as written and marks a trailing 等', () => {
    expect(one(' 省卫生健康委等', '甘肃省')).toEqual({
      raw: ' 省卫生健康委等',
      name: '卫生健康委员会',
      canonical: '甘肃省卫生健康委员会',
      kind: 'agency',
      region: '甘肃省',
      etc: true,
    });
  });

  it('a stem shared by two agencies (数据: 数据局 or 大数据中心) is resolved only from context', () => {
    const alone = resolveUnit('数据', { region: '永昌县' });
    expect(alone.units[0]).toMatchObject({ kind: 'unknown', truncated: true, raw: '数据' });
    expect(alone.diagnostics).toMatchObject([{ code: 'UNIT_TRUNCATED', severity: 'warning' }]);
    const known = new Map([['数据局', '永昌县2025年政务公开工作要点']]);
    const withContext = resolveUnit('数据', { region: '永昌县', known });
    expect(withContext.units[0]).toMatchObject({ kind: 'agency', canonical: '永昌县数据局', truncated: true });
    expect(withContext.diagnostics).toMatchObject([{ code: 'UNIT_TRUNCATED', severity: 'info' }]);
  });

  it('an unknown non-organisation name is kept as unknown with a warning', () => {
    const r = resolveUnit('有关方面', { region: '金昌市' });
    expect(r.units[0].kind).toBe('unknown');
    expect(r.diagnostics[0]).toMatchObject({ code: 'UNIT_UNRESOLVED', severity: 'warning' });
  });
});

const units = (rows: LedgerRow[]) => rows.flatMap((r) => [...r.leadUnits, ...r.responsibleUnits, ...r.cooperatingUnits]);

describe('Gansu 2020: every task unit is a canonical 甘肃省 name', () => {
  it('resolves every unit written in the clauses', async () => {
    const rows = toLedger(await GANSU());
    // Hand-checked from the 16 distinct names in the （责任单位：…） clauses of
    // corpus/gansu-2020-gongkai-fangan/source.txt (read with page breaks joined).
    const expected: Record<string, [string, string]> = {
      省政府办公厅: ['甘肃省人民政府办公厅', 'agency'],
      省政府各部门: ['甘肃省人民政府各部门', 'collective'],
      省政府有关部门: ['甘肃省人民政府有关部门', 'collective'],
      各市州政府: ['甘肃省各市（州）人民政府', 'collective'],
      各州市政府: ['甘肃省各市（州）人民政府', 'collective'], // task 5 writes 州市
      各市政府: ['甘肃省各市人民政府', 'collective'], // tasks 17–20, as written (no 州)
      兰州新区管委会: ['兰州新区管理委员会', 'government'], // a 国家级新区 body: no 甘肃省 in its name
      中央在甘有关单位: ['中央在甘有关单位', 'collective'], // names its place itself (在甘)
      省卫生健康委等: ['甘肃省卫生健康委员会', 'agency'],
      省市场监管局等: ['甘肃省市场监督管理局', 'agency'],
      省市场监管局: ['甘肃省市场监督管理局', 'agency'],
      省工信厅: ['甘肃省工业和信息化厅', 'agency'],
      省金融监管局: ['甘肃省地方金融监督管理局', 'agency'],
      省税务局: ['甘肃省税务局', 'agency'],
      人行兰州中心支行: ['中国人民银行兰州中心支行', 'agency'], // central bank branch
      甘肃银保监局等: ['中国银行保险监督管理委员会甘肃监管局', 'agency'],
    };
    const all = units(rows);
    expect(new Set(all.map((u) => u.raw))).toEqual(new Set(Object.keys(expected)));
    for (const u of all) {
      expect([u.canonical, u.kind], u.raw).toEqual(expected[u.raw]);
      expect(u.region, u.raw).toBe('甘肃省');
    }
    const regionless = new Set(['兰州新区管理委员会', '中央在甘有关单位', '中国人民银行兰州中心支行', '中国银行保险监督管理委员会甘肃监管局']);
    for (const u of all) if (!regionless.has(u.canonical)) expect(u.canonical.startsWith('甘肃省'), u.canonical).toBe(true);
    expect(rows.flatMap((r) => r.diagnostics)).toEqual([]);
  });
});

describe('Jinchang 2023-2024', () => {
  it('中央、省属在金有关单位 is one collective entry although a page break splits it (二)', async () => {
    const rows = toLedger(await JINCHANG());
    // source.md line 26–28: "…中央、省" | page break | "属在金有关单位，永昌县、金川区政府)"
    const r12 = rows.find((r) => r.path === '1.2')!;
    expect(r12.lead).toEqual(['金昌市司法局']);
    expect(r12.responsibleUnits.map((u) => [u.raw, u.kind])).toEqual([
      ['市政府各部门、单位', 'collective'],
      ['中央、省属在金有关单位', 'collective'],
      ['永昌县', 'government'],
      ['金川区政府', 'government'],
    ]);
    expect(r12.responsible).toEqual(['金昌市人民政府各部门、单位', '中央、省属在金有关单位', '永昌县人民政府', '金川区人民政府']);
    // (十一) writes 中央、省在金有关单位 (no 属): the same collective
    expect(rows.find((r) => r.path === '3.1')!.responsible).toContain('中央、省属在金有关单位');
    expect(units(rows).every((u) => u.kind !== 'unknown')).toBe(true);
  });
});

describe('Yongchang 2024-2025: truncated unit names are resolved or flagged', () => {
  // Clauses as written in corpus/yongchang-site-scrape/source.txt lines 262–306 (the 2024-2025 plan).
  it('resolves 发改, 税务, 卫健 (one agency each), splits 发改市场监管局, and reads 数据 as 数据局 from the 2025 plan', async () => {
    const rows = toLedger(await YONGCHANG());
    const plan = rows.filter((r) => r.title === '永昌县2024-2025年政务公开工作要点');
    expect(plan).toHaveLength(22);
    const at = (p: string) => plan.find((r) => r.path === p)!;
    // (四) 发改市场监管局、工信局、科技局、商务局
    expect(at('2.1').responsible).toEqual(['永昌县发展和改革局', '永昌县市场监督管理局', '永昌县工业和信息化局', '永昌县科学技术局', '永昌县商务局']);
    expect(at('2.1').responsibleUnits.slice(0, 2).map((u) => [u.raw, !!u.fused, !!u.truncated])).toEqual([
      ['发改市场监管局', true, true],
      ['发改市场监管局', true, false],
    ]);
    expect(at('2.1').diagnostics.map((d) => d.code)).toEqual(['UNIT_FUSED', 'UNIT_TRUNCATED']);
    // (五) …税务; (六) 发改; (十) 卫健
    expect(at('2.2').responsible).toContain('永昌县税务局');
    expect(at('2.3').responsible).toEqual(['永昌县发展和改革局']);
    expect(at('2.7').responsible).toEqual(['永昌县卫生健康局']);
    // (十五) 牵头单位:政府办公室、数据; (十七), (十八) 牵头单位:数据 — the 2025 plan says 县数据局 for the same items
    for (const p of ['3.4', '4.1', '4.2']) {
      expect(at(p).lead).toContain('永昌县数据局');
      expect(at(p).diagnostics.find((d) => d.code === 'UNIT_TRUNCATED')?.message).toContain('永昌县2025年政务公开工作要点');
    }
    // every truncated name carries a diagnostic
    const truncated = plan.flatMap((r) => [...r.leadUnits, ...r.responsibleUnits]).filter((u) => u.truncated);
    expect(new Set(truncated.map((u) => u.raw))).toEqual(new Set(['发改市场监管局', '税务', '发改', '卫健', '数据']));
  });

  it('without the 2025 plan, 数据 stays unresolved and is flagged', async () => {
    const doc = (await YONGCHANG()).documents.find((d) => d.title === '永昌县2024-2025年政务公开工作要点')!;
    const rows = toLedger(doc);
    const lead = rows.find((r) => r.path === '4.1')!;
    expect(lead.leadUnits[0]).toMatchObject({ raw: '数据', kind: 'unknown', truncated: true });
    expect(lead.diagnostics).toMatchObject([{ code: 'UNIT_TRUNCATED', severity: 'warning' }]);
  });

  it('the 2025 and 2024-2025 plans name the same units for the same items', async () => {
    const rows = toLedger(await YONGCHANG());
    const a = rows.filter((r) => r.title === '永昌县2025年政务公开工作要点');
    const b = rows.filter((r) => r.title === '永昌县2024-2025年政务公开工作要点');
    // (二) lead 县司法局 / 司法局; (十三) lead 县政府办公室、县司法局 / 政府办公室、司法局; responsible 县政府各部门、单位 / 政府各部门、单位
    for (const p of ['1.2', '3.2']) {
      expect(b.find((r) => r.path === p)!.lead).toEqual(a.find((r) => r.path === p)!.lead);
      expect(b.find((r) => r.path === p)!.responsible).toEqual(a.find((r) => r.path === p)!.responsible);
    }
  });
});

describe('the other plans resolve without unknowns', () => {
  it('Wuwei and Qingyang', async () => {
    for (const r of [await WUWEI(), await QINGYANG()]) expect(units(toLedger(r)).filter((u) => u.kind === 'unknown')).toEqual([]);
  });
});

describe('配合单位 stays its own role', () => {
  it('from a clause and into the ledger', () => {
    const text = `某某市2024年政务公开工作要点

一、强化公开
（一）做好政策解读。按要求做好解读。（牵头单位：市司法局，责任单位：市财政局，配合单位：市政府各部门、单位，完成时限：2024年6月底前）
（二）做好依申请公开。依法办理。（市政府办公室牵头，市大数据中心配合）
`;
    const r = parseText(text);
    const s = r.documents[0].sections[0].children;
    expect(s[0]).toMatchObject({ lead: ['市司法局'], responsible: ['市财政局'], cooperating: ['市政府各部门、单位'] });
    expect(s[1]).toMatchObject({ lead: ['市政府办公室'], responsible: [], cooperating: ['市大数据中心'] });
    const rows = toLedger(r);
    expect(rows[0].cooperating).toEqual(['某某市人民政府各部门、单位']);
    expect(rows[1].cooperating).toEqual(['某某市大数据中心']);
    expect(rows[1].responsible).toEqual([]);
  });
});
