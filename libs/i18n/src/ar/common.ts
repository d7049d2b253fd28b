import type { CommonLabels } from '../common-labels';

/** العربية — right-to-left; figures through Intl ('ar-MA'). */
export const AR_COMMON: CommonLabels = {
  plan: 'خطة العمل',
  axis: 'المحور',
  commitment: 'الالتزام',
  activity: 'النشاط',
  weight: 'الوزن',
  progress: 'نسبة التقدم',
  implementationRate: 'نسبة الإنجاز',
  leadOrganisation: 'الجهة المسؤولة',
  bands: { NOT_STARTED: 'لم يبدأ', LIMITED: 'محدود (1-59%)', SUBSTANTIAL: 'مهم (60-90%)', COMPLETE: 'مكتمل (90-100%)' },
  lifecycle: { ACTIVE: 'جارٍ', SUSPENDED: 'معلّق', CANCELLED: 'ملغى' },
  actionKinds: { DONE: 'الإجراءات المنجزة', NOT_DONE: 'الإجراءات غير المنجزة', ADDITIONAL: 'إجراءات إضافية' },
  irm: { NOT_STARTED: 'لم يبدأ', LIMITED: 'محدود', SUBSTANTIAL: 'جوهري', COMPLETE: 'مكتمل', NO_EVIDENCE: 'لا تتوفر أدلة' },
};
