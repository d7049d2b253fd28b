import type { ReportLabels } from '../report-labels';

/**
 * العربية — the report in Modern Standard Arabic, in the terms Moroccan administration uses
 * (الحكومة المنفتحة، الالتزامات، المحاور، نسبة الإنجاز). Right-to-left; figures and dates via Intl 'ar-MA'.
 */
export const AR_REPORT: ReportLabels = {
  title: (p) => `تقرير التقييم الذاتي لخطة العمل الوطنية للحكومة المنفتحة — ${p.title} (${p.country}، ${p.period})`,
  asOf: (d) => `الوضعية إلى غاية ${d}`,
  implementation: 'نسبة التنفيذ',
  overall: (period, rate, asOf) =>
    `بلغ التقدم الإجمالي في تنفيذ خطة العمل الوطنية ${period}${asOf ? `، إلى غاية ${asOf}،` : ''} ما نسبته ${rate}`,
  byAxis: 'نسبة التقدم حسب المحاور',
  byCommitment: 'نسبة التقدم حسب الالتزامات',
  axis: 'المحور',
  commitment: 'الالتزام',
  commitmentTitle: 'العنوان',
  rate: 'نسبة الإنجاز',
  achievements: 'حصيلة الإنجازات',
  commitmentHeading: (n, t) => `الالتزام ${n}: ${t}`,
  rateLine: (r) => `نسبة الإنجاز: ${r}`,
  irmLine: (level) => `مستوى الإنجاز (حسب سلّم آلية التقارير المستقلة لشراكة الحكومة المنفتحة): ${level}`,
  lead: 'الجهة المسؤولة عن التنفيذ',
  problem: 'الإشكالية',
  description: 'مضمون الالتزام',
  activity: (n, t) => `النشاط ${n}: ${t}`,
  weightAndProgress: (w, p) => `الوزن ${w} · نسبة التقدم ${p}`,
  suspended: (r) => `نشاط معلّق: ${r}`,
  cancelled: (r) => `نشاط ملغى: ${r}`,
  done: 'الإجراءات المنجزة',
  notDone: 'الإجراءات غير المنجزة',
  additional: 'إجراءات إضافية',
  reason: (r) => `— السبب: ${r}`,
  communication: 'إجراءات التواصل المنجزة لمواكبة تنفيذ الالتزام',
  communicationColumns: ['الإجراء', 'التاريخ', 'الفئة المستهدفة', 'المؤشرات'],
  results: 'وصف النتائج بعد تنفيذ الالتزام',
  contribution: 'كيف ساهم الالتزام في معالجة الإشكالية المطروحة',
  nextSteps: 'الخطوات المقبلة',
  method: 'طريقة الاحتساب',
  formula:
    'نسبة إنجاز الالتزام = مجموع (الوزن × نسبة التقدم) ÷ مجموع الأوزان، وذلك على أنشطته غير الملغاة؛ ونسبة إنجاز المحور = متوسط نسب إنجاز التزاماته؛ ونسبة إنجاز الخطة = متوسط نسب إنجاز جميع التزاماتها. تُحفَظ الأرقام في السجل دون تقريب، ويقرّبها التقرير إلى أقرب عدد صحيح (يُجبَر النصف إلى الأعلى).',
  reconstructed: 'معطيات معاد تشكيلها',
  generated: (at) => `أُعِدّ هذا التقرير انطلاقاً من السجل بتاريخ ${at}.`,
  provenance: (position, hash) =>
    `أُعِدّ انطلاقاً من السجل عند الموضع ${position}، وبصمة آخر حدث فيه (تجزئة الرأس) هي ${hash}. لإعادة إنشاء التقرير نفسه، تحقّق أولاً من أن نسختك من السجل تنتهي عند الرأس نفسه: ledger verify --expected-head ${position}:${hash}`,
  chartCommitments: 'نسبة الإنجاز حسب الالتزامات',
  chartAxes: 'نسبة التقدم حسب المحاور',
  chartHistory: 'التقدم الإجمالي عبر الزمن (حسب تاريخ السريان)',
};
